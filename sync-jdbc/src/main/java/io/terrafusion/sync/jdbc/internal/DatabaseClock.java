package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.jdbc.spi.Dialect;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * One reading of a database's clock ({@link Dialect#clockQuery()}): now, and the start of the oldest
 * transaction of another session that could still commit, each as a moment and as wall time of the
 * session's time zone.
 *
 * @param now the database's current moment
 * @param wallNow the database session's current wall time
 * @param oldestOpen the start of the oldest open transaction, or null when there is none
 * @param wallOldestOpen the same as wall time of the session, or null
 */
public record DatabaseClock(
    Instant now, LocalDateTime wallNow, @Nullable Instant oldestOpen, @Nullable LocalDateTime wallOldestOpen) {

  /**
   * Reads the clock on the handle's connection.
   *
   * @throws IllegalArgumentException if the dialect has no clock query
   * @throws SQLException if the query fails
   */
  public static DatabaseClock read(Handle handle, Dialect dialect) throws SQLException {
    String sql = dialect.clockQuery().orElseThrow(() -> new IllegalArgumentException("the " + dialect.name()
        + " dialect offers no clock query, which incremental detection by change column needs"));
    try (Statement st = handle.getConnection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException("the clock query of the " + dialect.name() + " dialect returned no row");
      }
      Instant now = moment(rs, 1);
      LocalDateTime wallNow = wallTime(rs, 2);
      if (now == null || wallNow == null) {
        throw new SQLException("the clock query of the " + dialect.name() + " dialect returned no current time");
      }
      return new DatabaseClock(now, wallNow, moment(rs, 3), wallTime(rs, 4));
    }
  }

  /** The earlier of now and the oldest open transaction's start, as a moment. */
  public Instant settledMoment() {
    return oldestOpen != null && oldestOpen.isBefore(now) ? oldestOpen : now;
  }

  /** The earlier of now and the oldest open transaction's start, as wall time of the session. */
  public LocalDateTime settledWallTime() {
    return wallOldestOpen != null && wallOldestOpen.isBefore(wallNow) ? wallOldestOpen : wallNow;
  }

  private static @Nullable Instant moment(ResultSet rs, int index) throws SQLException {
    String text = rs.getString(index);
    if (text == null) {
      return null;
    }
    BigDecimal seconds = new BigDecimal(text.trim()).setScale(6, RoundingMode.FLOOR);
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).longValueExact());
  }

  // Drivers differ in what getObject(LocalDateTime) accepts (SQLite returns text), so text is the fallback.
  private static @Nullable LocalDateTime wallTime(ResultSet rs, int index) throws SQLException {
    Object value = rs.getObject(index);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      try {
        return LocalDateTime.parse(text.trim().replace(' ', 'T'));
      } catch (DateTimeParseException e) {
        throw new SQLException("the clock query returned a wall time that is not one: " + text, e);
      }
    }
    return rs.getObject(index, LocalDateTime.class);
  }
}
