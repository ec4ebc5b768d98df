package io.terrafusion.sync.api;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one job should do: the mode, the tables, and who asked.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param mode full or incremental
 * @param tables the source tables to sync; empty means every table the source has
 * @param initiator who or what started the job, for the audit trail (a user name, a service, a
 *     scheduler)
 */
public record SyncRequest(SyncMode mode, List<TableId> tables, String initiator) {

  /**
   * Validates the request and copies the tables.
   *
   * @throws IllegalArgumentException if a table is named twice or the initiator is blank
   */
  public SyncRequest {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(initiator, "initiator");
    tables = List.copyOf(tables);
    Set<TableId> seen = new HashSet<>();
    for (TableId table : tables) {
      if (!seen.add(table)) {
        throw new IllegalArgumentException("tables must not repeat but " + table + " appears twice");
      }
    }
    if (initiator.isBlank()) {
      throw new IllegalArgumentException("initiator must not be blank");
    }
  }

  /** A full sync of the given tables, or of every source table when none are given. */
  public static SyncRequest full(TableId... tables) {
    return new SyncRequest(SyncMode.FULL, Arrays.asList(tables), "api");
  }

  /** An incremental sync of the given tables, or of every source table when none are given. */
  public static SyncRequest incremental(TableId... tables) {
    return new SyncRequest(SyncMode.INCREMENTAL, Arrays.asList(tables), "api");
  }

  /** This request on behalf of another initiator. */
  public SyncRequest initiatedBy(String who) {
    return new SyncRequest(mode, tables, who);
  }
}
