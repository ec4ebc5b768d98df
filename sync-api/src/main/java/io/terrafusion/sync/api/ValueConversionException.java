package io.terrafusion.sync.api;

import org.jspecify.annotations.Nullable;

/**
 * A value could not be converted between the source's and the target's types. The message names the
 * table, key, column, source type and target type, never the value.
 */
public final class ValueConversionException extends DataAccessException {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final String sourceType;
  private final String targetType;

  /**
   * An exception about one value.
   *
   * @param table the table
   * @param key the row's key, or null when not known at the point of failure
   * @param column the column
   * @param sourceType the type the value had
   * @param targetType the type it was to become
   * @param cause the underlying failure, or null
   */
  public ValueConversionException(
      TableId table, @Nullable RowKey key, String column, String sourceType, String targetType, @Nullable Throwable cause) {
    super("cannot convert column " + column + " of " + table + (key == null ? "" : " row " + key)
        + " from " + sourceType + " to " + targetType
        + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getClass().getSimpleName()),
        table, key, null, cause);
    this.column = column;
    this.sourceType = sourceType;
    this.targetType = targetType;
  }

  /** This failure reported against another table, such as the target behind a staging table. */
  public ValueConversionException at(TableId otherTable) {
    return new ValueConversionException(otherTable, key(), column, sourceType, targetType, getCause());
  }

  /** The column whose value failed. */
  public String column() {
    return column;
  }

  /** The type the value had. */
  public String sourceType() {
    return sourceType;
  }

  /** The type it was to become. */
  public String targetType() {
    return targetType;
  }
}
