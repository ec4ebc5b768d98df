package io.terrafusion.sync.api;

import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Equality, ordering and a byte encoding of values in their canonical Java forms: {@link Long}
 * (or other integral numbers), {@link BigDecimal}, {@link Double}, {@link String}, {@link Boolean},
 * {@link LocalDate}, {@link LocalTime}, {@link LocalDateTime}, {@link Instant} (or {@link
 * OffsetDateTime}), {@code byte[]} and {@link UUID}. Data type handlers read every database value
 * into one of these forms, so the same logical value compares and hashes the same whatever database
 * it came from.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>Numbers are equal when their exact decimal values are equal ({@code 1.50} equals {@code
 *       1.5}, and {@code 2L} equals {@code 2.0}); NaN equals NaN; infinities equal themselves.
 *   <li>Strings order by Unicode code point, which is the byte-wise order of their UTF-8 encoding
 *       (PostgreSQL's {@code COLLATE "C"}, MariaDB's {@code utf8mb4_bin}). {@code "a"} and {@code
 *       "A"} are different values.
 *   <li>Byte arrays and UUIDs order as unsigned bytes; byte arrays are equal by content.
 *   <li>Instants are equal when they name the same moment, whatever their offset.
 *   <li>NULL is distinct from every value, including the empty string and the empty byte array.
 * </ul>
 *
 * <p>This class is stateless and thread-safe.
 */
public final class CanonicalValues {
  private static final Map<String, Function<String, Object>> PARSERS = Map.ofEntries(
      Map.entry("Long", Long::valueOf),
      Map.entry("BigDecimal", BigDecimal::new),
      Map.entry("Double", Double::valueOf),
      Map.entry("String", text -> text),
      Map.entry("UUID", UUID::fromString),
      Map.entry("Bytes", text -> Base64.getDecoder().decode(text)),
      Map.entry("LocalDate", LocalDate::parse),
      Map.entry("LocalDateTime", LocalDateTime::parse),
      Map.entry("LocalTime", LocalTime::parse),
      Map.entry("Instant", Instant::parse),
      Map.entry("Boolean", text -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw new IllegalArgumentException("not a Boolean");
        }
        return Boolean.valueOf(text);
      }));

  private CanonicalValues() {}

  /** Whether two values are the same logical value under the rules above. */
  public static boolean equal(@Nullable Object a, @Nullable Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a.getClass() == b.getClass() && simpleEquality(a)) {
      return a.equals(b);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return compareNumbers(x, y) == 0;
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    Instant x = asInstant(a);
    Instant y = asInstant(b);
    if (x != null && y != null) {
      return x.equals(y);
    }
    return a.equals(b);
  }

  /** A hash code consistent with {@link #equal}. */
  public static int hash(@Nullable Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Number n) {
      Object exact = exact(n);
      return exact instanceof BigDecimal d ? d.stripTrailingZeros().hashCode() : exact.hashCode();
    }
    if (value instanceof byte[] bytes) {
      return Arrays.hashCode(bytes);
    }
    Instant instant = asInstant(value);
    return instant != null ? instant.hashCode() : value.hashCode();
  }

  /** Whether two arrays hold pairwise {@linkplain #equal equal} values. */
  static boolean equalAll(@Nullable Object[] a, @Nullable Object[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!equal(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }

  /** A hash of an array's values consistent with {@link #equalAll}. */
  static int hashAll(int seed, @Nullable Object[] values) {
    int h = seed;
    for (Object value : values) {
      h = 31 * h + hash(value);
    }
    return h;
  }

  /**
   * Compares two non-null key values of the same kind under the rules above.
   *
   * @throws IllegalArgumentException if the values are of kinds that have no common order, such as a
   *     string and a number
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return compareCodePoints(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return compareNumbers(x, y);
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    if (a instanceof UUID x && b instanceof UUID y) {
      int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
      return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    }
    Instant ix = asInstant(a);
    Instant iy = asInstant(b);
    if (ix != null && iy != null) {
      return ix.compareTo(iy);
    }
    if (a.getClass() == b.getClass() && a instanceof Comparable comparable) {
      return comparable.compareTo(b);
    }
    throw new IllegalArgumentException("cannot order a " + a.getClass().getName() + " against a "
        + b.getClass().getName());
  }

  /**
   * Compares two strings by Unicode code point, which is the byte-wise order of their UTF-8 forms.
   * {@link String#compareTo} compares UTF-16 units instead and disagrees for characters beyond the
   * Basic Multilingual Plane.
   */
  public static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return codePointOrder(x) - codePointOrder(y);
      }
    }
    return a.length() - b.length();
  }

  /**
   * Writes the canonical encoding of a value: a type tag and the value's bytes, the same for equal
   * values whatever database they came from. NULL has an encoding of its own.
   *
   * @throws IOException if {@code out} fails
   */
  public static void encode(@Nullable Object value, DataOutput out) throws IOException {
    if (value == null) {
      out.writeByte(0);
    } else if (value instanceof String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      out.writeByte('S');
      out.writeInt(bytes.length);
      out.write(bytes);
    } else if (value instanceof Number n) {
      Object exact = exact(n);
      out.writeByte('N');
      out.writeUTF(exact instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : exact.toString());
    } else if (value instanceof Boolean b) {
      out.writeByte('B');
      out.writeByte(b ? 1 : 0);
    } else if (value instanceof byte[] bytes) {
      out.writeByte('X');
      out.writeInt(bytes.length);
      out.write(bytes);
    } else if (value instanceof UUID u) {
      out.writeByte('U');
      out.writeLong(u.getMostSignificantBits());
      out.writeLong(u.getLeastSignificantBits());
    } else if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
      Instant instant = Objects.requireNonNull(asInstant(value));
      out.writeByte('I');
      out.writeLong(instant.getEpochSecond());
      out.writeInt(instant.getNano());
    } else {
      out.writeByte('T');
      out.writeUTF(value.getClass().getSimpleName());
      out.writeUTF(value.toString());
    }
  }

  /**
   * The name of a canonical value's type, for storing the value as text: {@code Long} (any integral
   * number that fits), {@code BigDecimal} (also BigInteger), {@code Double} (also Float), {@code
   * String}, {@code Boolean}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime}, {@code
   * Instant} (also OffsetDateTime and ZonedDateTime), {@code Bytes} or {@code UUID}. With {@link
   * #toText} and {@link #fromText} it round-trips every canonical value exactly, scale of decimals,
   * NaN and nanoseconds included.
   *
   * @throws IllegalArgumentException if the value is not of a canonical type
   */
  public static String typeTag(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return "Long";
    }
    if (value instanceof BigDecimal || value instanceof BigInteger) {
      return "BigDecimal";
    }
    if (value instanceof Double || value instanceof Float) {
      return "Double";
    }
    if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
      return "Instant";
    }
    if (value instanceof byte[]) {
      return "Bytes";
    }
    if (value instanceof String || value instanceof UUID || value instanceof LocalDate
        || value instanceof LocalDateTime || value instanceof LocalTime || value instanceof Boolean) {
      return value.getClass().getSimpleName();
    }
    throw new IllegalArgumentException("a value of type " + value.getClass().getName() + " is not a canonical value");
  }

  /**
   * The text of a canonical value under its {@link #typeTag}: the value's own ISO or decimal form,
   * Base64 for bytes, the instant for offset and zoned times.
   *
   * @throws IllegalArgumentException if the value is not of a canonical type
   */
  public static String toText(Object value) {
    typeTag(value);
    if (value instanceof BigInteger i) {
      return new BigDecimal(i).toString();
    }
    Instant instant = asInstant(value);
    if (instant != null) {
      return instant.toString();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Float f) {
      return Double.toString(f.doubleValue());
    }
    if (value instanceof Number n && !(value instanceof BigDecimal) && !(value instanceof Double)) {
      return Long.toString(n.longValue());
    }
    return value.toString();
  }

  /**
   * The canonical value that {@link #toText} wrote under {@code tag}.
   *
   * @throws IllegalArgumentException if the tag is unknown or the text is not a value of it; the
   *     message names the tag, never the text
   */
  public static Object fromText(String tag, String text) {
    Function<String, Object> parser = PARSERS.get(tag);
    if (parser == null) {
      throw new IllegalArgumentException("unknown type tag " + tag);
    }
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("text that is not a " + tag + " value");
    }
  }

  private static boolean simpleEquality(Object value) {
    return !(value instanceof BigDecimal || value instanceof Double || value instanceof Float
        || value instanceof byte[] || value instanceof OffsetDateTime || value instanceof ZonedDateTime);
  }

  private static int codePointOrder(char c) {
    if (c >= 0xD800) {
      return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
    return c;
  }

  private static int compareNumbers(Number x, Number y) {
    if (x instanceof Long a && y instanceof Long b) {
      return Long.compare(a, b);
    }
    Object ex = exact(x);
    Object ey = exact(y);
    if (ex instanceof BigDecimal a && ey instanceof BigDecimal b) {
      return a.compareTo(b);
    }
    return Double.compare(x.doubleValue(), y.doubleValue());
  }

  /** The exact decimal value of a number, or the number itself for NaN and the infinities. */
  private static Object exact(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return d;
    }
    return new BigDecimal(d);
  }

  private static @Nullable Instant asInstant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    return null;
  }
}
