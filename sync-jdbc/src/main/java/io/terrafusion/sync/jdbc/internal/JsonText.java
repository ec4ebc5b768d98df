package io.terrafusion.sync.jdbc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The canonical text of a JSON document: compact, object keys sorted, numbers in plain decimal
 * notation with their written scale ({@code 1e3} is {@code 1000}, {@code 2.50} stays {@code 2.50}).
 * Each database spells the same document its own way (PostgreSQL's jsonb reorders keys and adds
 * spaces, MariaDB keeps the text it was given), so JSON columns are read into this one form, which
 * then compares and hashes alike everywhere.
 *
 * <p>The document is copied token by token from a streaming parser, buffering only the members of
 * each object to sort them: this runs for every JSON value read, and a data-binding round trip through
 * maps costs several times more.
 */
public final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

  private JsonText() {}

  /**
   * The canonical text of a JSON document.
   *
   * @throws IllegalArgumentException if the text is not one JSON document; the message gives the
   *     position of the fault, never the text
   */
  public static String canonical(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      StringBuilder out = new StringBuilder(json.length());
      if (parser.nextToken() == null) {
        throw notJson(null);
      }
      copy(parser, out);
      if (parser.nextToken() != null) {
        throw notJson(parser.currentLocation());
      }
      return out.toString();
    } catch (JsonProcessingException e) {
      throw notJson(e.getLocation());
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON text from memory failed", e);
    }
  }

  /** Copies the value at the parser's current token. */
  private static void copy(JsonParser parser, StringBuilder out) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        Map<String, String> members = new TreeMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          StringBuilder value = new StringBuilder();
          copy(parser, value);
          members.put(name, value.toString());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> member : members.entrySet()) {
          out.append(first ? "" : ",").append('"').append(ENCODER.quoteAsString(member.getKey())).append("\":")
              .append(member.getValue());
          first = false;
        }
        out.append('}');
      }
      case START_ARRAY -> {
        out.append('[');
        boolean first = true;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          out.append(first ? "" : ",");
          copy(parser, out);
          first = false;
        }
        out.append(']');
      }
      case VALUE_STRING -> out.append('"').append(ENCODER.quoteAsString(parser.getText())).append('"');
      case VALUE_NUMBER_INT -> out.append(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> out.append(parser.getDecimalValue().toPlainString());
      case VALUE_TRUE -> out.append("true");
      case VALUE_FALSE -> out.append("false");
      case VALUE_NULL -> out.append("null");
      default -> throw notJson(parser.currentLocation());
    }
  }

  private static IllegalArgumentException notJson(@Nullable JsonLocation at) {
    // The parser's own message may quote the offending token, which is data; give the position only.
    return new IllegalArgumentException("not a JSON document"
        + (at == null ? "" : " (syntax error at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
  }
}
