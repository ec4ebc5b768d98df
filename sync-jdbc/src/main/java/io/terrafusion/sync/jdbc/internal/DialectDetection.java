package io.terrafusion.sync.jdbc.internal;

import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.InvalidConfigurationException;
import io.terrafusion.sync.jdbc.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Picks the dialect with the highest priority for a database, and finds a credential-free location. */
public final class DialectDetection {
  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

  private DialectDetection() {}

  /**
   * The outcome.
   *
   * @param dialect the chosen dialect
   * @param location the catalog, or the URL without parameters and credentials
   */
  public record Result(Dialect dialect, String location) {}

  /**
   * Reads the database's metadata and picks {@code given}, or else the best of {@code candidates}.
   *
   * @param what the thing being configured, for the error, such as {@code JdbcStore}
   * @throws InvalidConfigurationException if no candidate handles the database, naming its product
   *     and version and the dialects tried
   * @throws DataAccessException if the database cannot be reached
   */
  public static Result detect(String what, DataSource dataSource, @Nullable Dialect given, List<Dialect> candidates) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      String location = location(connection.getCatalog(), metaData.getURL());
      if (given != null) {
        return new Result(given, location);
      }
      Dialect best = null;
      int bestPriority = -1;
      StringJoiner names = new StringJoiner(", ");
      for (Dialect candidate : candidates) {
        names.add(candidate.name());
        int priority = candidate.priority(metaData);
        if (priority >= 0 && priority > bestPriority) {
          best = candidate;
          bestPriority = priority;
        }
      }
      if (best == null) {
        throw new InvalidConfigurationException(what, List.of("no dialect handles database product "
            + metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion()
            + " (dialects tried: " + names + ")"));
      }
      return new Result(best, location);
    } catch (SQLException e) {
      throw new DataAccessException("cannot read the database metadata to choose a dialect: SQLState "
          + e.getSQLState() + ", vendor code " + e.getErrorCode(), null, null, e.getSQLState(), e);
    }
  }

  /** The catalog, or else the URL without parameters (which may hold passwords) and user info. */
  static String location(@Nullable String catalog, @Nullable String jdbcUrl) {
    if (catalog != null && !catalog.isBlank()) {
      return catalog;
    }
    String url = jdbcUrl == null ? "" : jdbcUrl;
    int end = url.length();
    for (char stop : new char[] {';', '?'}) {
      int at = url.indexOf(stop);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return USER_INFO.matcher(url.substring(0, end)).replaceFirst("//");
  }
}
