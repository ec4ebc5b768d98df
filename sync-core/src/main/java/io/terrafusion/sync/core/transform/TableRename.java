package io.terrafusion.sync.core.transform;

import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.RowMapping;
import io.terrafusion.sync.spi.Transformer;

/** Gives the table another name in the same schema; rows pass unchanged, as their layout is unchanged. */
final class TableRename implements Transformer {
  private final String newName;

  TableRename(String newName) {
    this.newName = newName;
  }

  @Override
  public RowMapping bind(TableSchema source) {
    TableSchema mapped = source.withId(source.id().withName(newName));
    return RowMapping.copying(mapped, source.layout().columns(), row -> row);
  }
}
