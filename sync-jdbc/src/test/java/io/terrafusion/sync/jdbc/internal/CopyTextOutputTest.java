package io.terrafusion.sync.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** COPY text bytes: UTF-8 as the JDK encodes it, with COPY's escapes, through buffers of any size. */
class CopyTextOutputTest {
  private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

  @Test
  void escapesBackslashTabNewlineAndCarriageReturnOnly() throws IOException {
    CopyTextOutput out = new CopyTextOutput(sink, 64);
    out.escaped("a\\b\tc\nd\re\u0001f");
    out.flush();
    assertThat(text()).isEqualTo("a\\\\b\\tc\\nd\\re\u0001f");
  }

  @Test
  void encodesNonAsciiAsUtf8AndALoneSurrogateAsTheJdkDoes() throws IOException {
    String text = "Größe \u20ac \uD83D\uDE00 lone \uD800 end\t";
    CopyTextOutput out = new CopyTextOutput(sink, 64);
    out.escaped(text);
    out.separator('\n');
    out.plain("\u00e9t\u00e9");
    out.flush();
    assertThat(sink.toByteArray())
        .isEqualTo((text.replace("\t", "\\t") + "\n\u00e9t\u00e9").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void textLongerThanTheBufferArrivesWhole() throws IOException {
    String text = "x\\".repeat(50) + "\u00fc".repeat(40);
    CopyTextOutput out = new CopyTextOutput(sink, 8);
    out.plain("1");
    out.separator('\t');
    out.escaped(text);
    out.separator('\t');
    out.nullValue();
    out.flush();
    assertThat(text()).isEqualTo("1\t" + text.replace("\\", "\\\\") + "\t\\N");
  }

  @Test
  void refusesNul() {
    CopyTextOutput out = new CopyTextOutput(sink, 64);
    assertThatThrownBy(() -> out.escaped("a\u0000b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
  }

  private String text() {
    return sink.toString(StandardCharsets.UTF_8);
  }
}
