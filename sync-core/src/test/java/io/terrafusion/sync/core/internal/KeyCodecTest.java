package io.terrafusion.sync.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.RowKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

  @Test
  void everyTaggedTypeDecodesToAnEqualKeyOfTheSameType() {
    RowKey key = RowKey.of(42L, new BigDecimal("12.340"), "a\"b\uD83D\uDE00", UUID.fromString("00000000-0000-0001-0000-000000000002"),
        new byte[] {0, -1, 7}, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 1, 12, 30, 0, 5),
        Instant.parse("2024-01-01T00:00:00.000000001Z"), Boolean.TRUE, 1.5d);
    RowKey decoded = KeyCodec.decode(KeyCodec.encode(key));
    assertThat(decoded).isEqualTo(key);
    for (int i = 0; i < key.size(); i++) {
      assertThat(decoded.get(i)).isInstanceOf(key.get(i).getClass());
    }
    assertThat(((BigDecimal) decoded.get(1)).scale()).isEqualTo(3);
  }

  @Property
  void anyLongAndStringKeyRoundTrips(@ForAll long number, @ForAll String text) {
    RowKey key = RowKey.of(number, text);
    assertThat(KeyCodec.decode(KeyCodec.encode(key))).isEqualTo(key);
  }

  @Test
  void rejectsAnUnknownTag() {
    assertThatThrownBy(() -> KeyCodec.decode("[[\"Color\",\"red\"]]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown type tag Color");
  }

  @Test
  void rejectsTextThatIsNotAKey() {
    assertThatThrownBy(() -> KeyCodec.decode("{}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyCodec.decode("[[\"Long\",\"x\"]]"))
        .hasMessageContaining("text that is not a Long value");
  }

  @Test
  void rejectsAKeyValueOfAnUnsupportedType() {
    assertThatThrownBy(() -> KeyCodec.encode(RowKey.of(new StringBuilder("x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.StringBuilder");
  }
}
