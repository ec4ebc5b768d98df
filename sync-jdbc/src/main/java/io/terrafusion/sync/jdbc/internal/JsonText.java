package io.terrafusion.sync.jdbc.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The canonical text of a JSON document: compact, object keys sorted, numbers in plain decimal
 * notation with their written scale ({@code 1e3} is {@code 1000}, {@code 2.50} stays {@code 2.50}). Each
 * database spells the same document its own way (PostgreSQL's jsonb reorders keys and adds spaces,
 * MariaDB keeps the text it was given), so JSON columns are read into this one form, which then
 * compares and hashes alike everywhere.
 */
public final class JsonText {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private JsonText() {}

  /**
   * The canonical text of a JSON document.
   *
   * @throws IllegalArgumentException if the text is not JSON; the message does not repeat the text
   */
  public static String canonical(String json) {
    try {
      return MAPPER.writeValueAsString(MAPPER.readValue(json, Object.class));
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote the offending token, which is data; give the position only.
      var at = e.getLocation();
      throw new IllegalArgumentException("not a JSON document"
          + (at == null ? "" : " (syntax error at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), null);
    }
  }
}
