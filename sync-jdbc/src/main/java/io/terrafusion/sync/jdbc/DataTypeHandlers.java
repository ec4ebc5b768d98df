package io.terrafusion.sync.jdbc;

import io.terrafusion.sync.api.Column;
import io.terrafusion.sync.jdbc.internal.StandardTypeHandlers;
import io.terrafusion.sync.spi.DataTypeHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable registry of {@link DataTypeHandler}s in registration order. {@link #find} returns the
 * most recently registered handler that handles a column, so a handler registered later overrides
 * earlier ones and the built-ins.
 *
 * <p>{@link #standard()} holds the built-in handlers for standard JDBC types, which read every value
 * into its canonical form: integer types to {@code Long}, DECIMAL/NUMERIC to {@code BigDecimal},
 * REAL/FLOAT/DOUBLE to {@code Double}, character and CLOB types to {@code String}, BOOLEAN/BIT to
 * {@code Boolean}, DATE to {@code LocalDate}, TIME to {@code LocalTime}, TIMESTAMP to {@code
 * LocalDateTime}, TIMESTAMP WITH TIME ZONE to {@code Instant}, binary and BLOB types to {@code
 * byte[]}, columns whose type name is {@code UUID} to {@code UUID} and {@code JSON} to {@code String}.
 * Dialects add handlers of their own on top.
 *
 * <p>This class is immutable and thread-safe; {@link #register} returns a new registry.
 */
public final class DataTypeHandlers {
  private static final DataTypeHandlers EMPTY = new DataTypeHandlers(List.of());

  private final List<DataTypeHandler> handlers;

  private DataTypeHandlers(List<DataTypeHandler> handlers) {
    this.handlers = handlers;
  }

  /** A registry with no handlers. */
  public static DataTypeHandlers empty() {
    return EMPTY;
  }

  /**
   * A registry of the given handlers, the first registered first (so the last one wins).
   *
   * @throws NullPointerException if the list or one of its handlers is null
   */
  public static DataTypeHandlers of(List<? extends DataTypeHandler> handlers) {
    return new DataTypeHandlers(List.copyOf(handlers));
  }

  /** The built-in handlers for standard JDBC types described above. */
  public static DataTypeHandlers standard() {
    return StandardTypeHandlers.REGISTRY;
  }

  /**
   * This registry with {@code handler} registered last, so that it wins over every handler here for
   * the columns it handles.
   */
  public DataTypeHandlers register(DataTypeHandler handler) {
    Objects.requireNonNull(handler, "handler");
    List<DataTypeHandler> all = new ArrayList<>(handlers);
    all.add(handler);
    return new DataTypeHandlers(List.copyOf(all));
  }

  /** This registry with the handlers of {@code later} registered after its own, in their order. */
  public DataTypeHandlers registerAll(DataTypeHandlers later) {
    Objects.requireNonNull(later, "later");
    List<DataTypeHandler> all = new ArrayList<>(handlers);
    all.addAll(later.handlers);
    return new DataTypeHandlers(List.copyOf(all));
  }

  /** The most recently registered handler that handles the column, if any does. */
  public Optional<DataTypeHandler> find(Column column) {
    Objects.requireNonNull(column, "column");
    for (int i = handlers.size() - 1; i >= 0; i--) {
      if (handlers.get(i).handles(column)) {
        return Optional.of(handlers.get(i));
      }
    }
    return Optional.empty();
  }

  /** The handlers in registration order. */
  public List<DataTypeHandler> handlers() {
    return handlers;
  }
}
