package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.DataAccessException;
import io.terrafusion.sync.api.ValueConversionException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sorts a failure of a store into what the engine does with it: try again (transient), isolate the
 * rows at fault (data), or stop (anything else). Decided by SQLState and exception type along the
 * cause chain, never by message text, as messages differ between drivers and languages.
 */
public enum FailureKind {
  /** The operation may succeed if tried again on a fresh connection: connection loss, deadlock, timeout. */
  TRANSIENT,
  /** The database refused some of the values: a row is at fault, the others may be fine. */
  DATA,
  /** Neither: a missing table, a permission, a bug. Trying again or splitting the batch cannot help. */
  OTHER;

  /** SQLStates that are transient beyond the whole class 08 (connection exception). */
  private static final Set<String> TRANSIENT_STATES = Set.of(
      "40001", // serialization failure; MariaDB reports deadlock 1213 with it too
      "40P01", // PostgreSQL deadlock detected
      "57P01", // PostgreSQL admin shutdown (pg_terminate_backend)
      "57P02", // crash shutdown
      "57P03", // cannot connect now (starting up)
      "53300", // too many connections
      "57014", // query cancelled (statement timeout)
      "HYT00", // timeout expired
      "HYT01", // connection timeout expired
      "70100"); // MariaDB/MySQL: connection was killed (KILL)

  /** MariaDB/MySQL vendor codes that are transient but carry a generic SQLState. */
  private static final Set<Integer> TRANSIENT_VENDOR_CODES = Set.of(
      1205, // lock wait timeout exceeded
      1213, // deadlock found
      1927, // connection was killed
      2006, // server has gone away
      2013); // lost connection during query

  /** H2 error codes of a broken or closing connection (H2 reports them with SQLStates of its own). */
  private static final Set<Integer> H2_TRANSIENT_CODES = Set.of(
      90067, // connection broken
      90098, // database closed / called at shutdown
      90121); // database called at shutdown

  /** The kind of a failure. */
  public static FailureKind of(Throwable failure) {
    if (isTransient(failure)) {
      return TRANSIENT;
    }
    return isData(failure) ? DATA : OTHER;
  }

  private static boolean isTransient(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
          || t instanceof SQLTimeoutException || t instanceof SocketException
          || t instanceof SocketTimeoutException) {
        return true;
      }
      String state = sqlState(t);
      if (state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state))) {
        return true;
      }
      if (t instanceof SQLException sql
          && (TRANSIENT_VENDOR_CODES.contains(sql.getErrorCode()) || H2_TRANSIENT_CODES.contains(sql.getErrorCode()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isData(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof ValueConversionException) {
        return true;
      }
      String state = sqlState(t);
      // 22: data exception (too long, out of range, invalid format); 23: integrity constraint
      // violation (NOT NULL, unique, foreign key, check); 44: WITH CHECK OPTION violation.
      if (state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("44"))) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String sqlState(Throwable t) {
    if (t instanceof DataAccessException access) {
      return access.sqlState();
    }
    return t instanceof SQLException sql ? sql.getSQLState() : null;
  }

  /** The failure, its causes and the next-exceptions of SQLExceptions (where drivers put the real error of a batch). */
  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> seen = new ArrayList<>();
    Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
    while (!todo.isEmpty() && seen.size() < 64) {
      Throwable t = todo.pop();
      if (seen.stream().anyMatch(s -> s == t)) {
        continue;
      }
      seen.add(t);
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.add(sql.getNextException());
      }
    }
    return seen;
  }
}
