package io.terrafusion.sync.core.transform;

import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.RowMapping;
import io.terrafusion.sync.spi.Transformer;
import java.util.function.Predicate;

/** Keeps the rows a predicate accepts and maps the others to null (filtered). */
final class RowFilter implements Transformer {
  private final Predicate<Row> keep;

  RowFilter(Predicate<Row> keep) {
    this.keep = keep;
  }

  @Override
  public RowMapping bind(TableSchema source) {
    return RowMapping.of(source, row -> test(source, row) ? row : null);
  }

  private boolean test(TableSchema source, Row row) {
    try {
      return keep.test(row);
    } catch (RuntimeException e) {
      throw new RowMappingException("filtering", source.id(), row.key(), null, e);
    }
  }
}
