package io.terrafusion.sync.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.RowKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WatermarkPositionTest {

  @Test
  void everyPartSurvivesEncodingWithItsType() {
    WatermarkPosition position = WatermarkPosition.START
        .withCursor(LocalDateTime.parse("2026-03-29T02:30:00.123456"), RowKey.of("é", 7L))
        .reconcilingAt("[[\"Long\",\"12\"]]")
        .withVersions(new BigDecimal("41"), new BigDecimal("44"), Instant.parse("2026-01-01T00:00:00.5Z"));

    WatermarkPosition decoded = WatermarkPosition.decode(position.encode());

    assertThat(decoded).isEqualTo(position);
    assertThat(decoded.cursorValue()).isInstanceOf(LocalDateTime.class);
    assertThat(WatermarkPosition.decode(decoded.reconciled(Instant.EPOCH).encode()).reconciledAt()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void emptyTextIsTheStart() {
    assertThat(WatermarkPosition.decode("")).isEqualTo(WatermarkPosition.START);
  }

  @Test
  void textThatIsNotAPositionIsRefused() {
    assertThatThrownBy(() -> WatermarkPosition.decode("{\"cursor\":{\"value\":1}}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WatermarkPosition.decode("not json")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
  }
}
