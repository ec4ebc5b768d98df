package io.terrafusion.sync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CanonicalValuesTest {

  @Test
  void numbersAreEqualByExactValueWhateverTheirJavaType() {
    assertThat(CanonicalValues.equal(new BigDecimal("1.50"), new BigDecimal("1.5"))).isTrue();
    assertThat(CanonicalValues.equal(2L, new BigDecimal("2.00"))).isTrue();
    assertThat(CanonicalValues.equal(2, 2L)).isTrue();
    assertThat(CanonicalValues.equal(2.0d, 2L)).isTrue();
    assertThat(CanonicalValues.equal(0.1d, new BigDecimal("0.1"))).isFalse();
    assertThat(CanonicalValues.equal(Double.NaN, Double.NaN)).isTrue();
    assertThat(CanonicalValues.equal(0.0d, -0.0d)).isTrue();
  }

  @Test
  void equalNumbersHashAndEncodeAlike() throws IOException {
    assertThat(CanonicalValues.hash(new BigDecimal("1.50"))).isEqualTo(CanonicalValues.hash(new BigDecimal("1.5")));
    assertThat(CanonicalValues.hash(7)).isEqualTo(CanonicalValues.hash(7L));
    assertThat(encode(new BigDecimal("1.50"))).isEqualTo(encode(new BigDecimal("1.5")));
    assertThat(encode(7)).isEqualTo(encode(new BigDecimal("7.000")));
  }

  @Test
  void nullIsDistinctFromEmptyStringAndEmptyBytes() throws IOException {
    assertThat(CanonicalValues.equal(null, "")).isFalse();
    assertThat(encode(null)).isNotEqualTo(encode(""));
    assertThat(encode(null)).isNotEqualTo(encode(new byte[0]));
    assertThat(encode("")).isNotEqualTo(encode(new byte[0]));
  }

  @Test
  void instantsAreEqualWhateverTheirOffset() throws IOException {
    OffsetDateTime utc = OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 123_456_000, ZoneOffset.UTC);
    OffsetDateTime plusTwo = utc.withOffsetSameInstant(ZoneOffset.ofHours(2));
    assertThat(CanonicalValues.equal(utc, plusTwo)).isTrue();
    assertThat(CanonicalValues.equal(utc, utc.toInstant())).isTrue();
    assertThat(encode(plusTwo)).isEqualTo(encode(utc.toInstant()));
  }

  @Test
  void stringsOrderByCodePointNotByUtf16Unit() {
    String beyondBmp = new String(Character.toChars(0x1F600));
    String highBmp = "\uFF61";
    assertThat(beyondBmp.compareTo(highBmp)).isNegative();
    assertThat(CanonicalValues.compare(beyondBmp, highBmp)).isPositive();
    assertThat(CanonicalValues.compare("A", "a")).isNegative();
    assertThat(CanonicalValues.compare("a", "A")).isPositive();
  }

  @Property
  void stringOrderIsTheByteOrderOfUtf8(@ForAll String a, @ForAll String b) {
    int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    assertThat(Integer.signum(CanonicalValues.compareCodePoints(a, b))).isEqualTo(expected);
  }

  @Test
  void uuidsAndBytesOrderAsUnsignedBytes() {
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
    UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000000");
    assertThat(low.compareTo(high)).isPositive();
    assertThat(CanonicalValues.compare(low, high)).isNegative();
    assertThat(CanonicalValues.compare(new byte[] {1}, new byte[] {(byte) 0xF0})).isNegative();
  }

  @Test
  void refusesToOrderUnrelatedKinds() {
    assertThatThrownBy(() -> CanonicalValues.compare("1", 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("java.lang.Long");
  }

  @Test
  void instantAndOffsetDateTimeOrderTogether() {
    Instant earlier = Instant.parse("2024-01-01T00:00:00Z");
    OffsetDateTime later = OffsetDateTime.parse("2024-01-01T01:30:00+01:00");
    assertThat(CanonicalValues.compare(earlier, later)).isNegative();
  }

  private static byte[] encode(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CanonicalValues.encode(value, new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  @Test
  void everyCanonicalValueRoundTripsThroughTaggedText() {
    List<Object> values = List.of(Long.MIN_VALUE, new BigDecimal("1.50"), new BigDecimal("1E+3"), Double.NaN,
        -0.0d, Double.NEGATIVE_INFINITY, "", "😀\t\n", true, java.time.LocalDate.of(1, 1, 1),
        java.time.LocalTime.of(23, 59, 59, 999_999_999), java.time.LocalDateTime.of(9999, 12, 31, 0, 0, 0, 1),
        Instant.parse("1969-12-31T23:59:59.123456789Z"), new byte[] {0, -1, 7}, new UUID(-1, 42));
    for (Object value : values) {
      Object back = CanonicalValues.fromText(CanonicalValues.typeTag(value), CanonicalValues.toText(value));
      assertThat(back).as("%s", value).isInstanceOf(value.getClass());
      assertThat(CanonicalValues.equal(back, value)).as("%s", value).isTrue();
      if (value instanceof BigDecimal d) {
        assertThat(((BigDecimal) back).scale()).isEqualTo(d.scale());
      }
    }
  }

  @Test
  void widerJavaTypesTakeTheTagOfTheirCanonicalForm() {
    assertThat(CanonicalValues.typeTag(7)).isEqualTo("Long");
    assertThat(CanonicalValues.fromText("Long", CanonicalValues.toText(7))).isEqualTo(7L);
    assertThat(CanonicalValues.typeTag(OffsetDateTime.parse("2024-01-01T01:00:00+01:00"))).isEqualTo("Instant");
    assertThat(CanonicalValues.fromText("Instant", CanonicalValues.toText(OffsetDateTime.parse("2024-01-01T01:00:00+01:00"))))
        .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
  }

  @Test
  void taggedTextRejectsUnknownTagsAndMalformedTextWithoutRepeatingIt() {
    assertThatThrownBy(() -> CanonicalValues.fromText("Color", "red")).hasMessage("unknown type tag Color");
    assertThatThrownBy(() -> CanonicalValues.fromText("Long", "secret")).hasMessage("text that is not a Long value");
    assertThatThrownBy(() -> CanonicalValues.fromText("Boolean", "yes")).hasMessage("text that is not a Boolean value");
    assertThatThrownBy(() -> CanonicalValues.typeTag(new StringBuilder())).hasMessageContaining("java.lang.StringBuilder");
  }
}
