package io.terrafusion.sync.api;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one job should do: the mode, the tables, the change detector of each table, and who asked.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param mode full or incremental
 * @param tables the source tables to sync; empty means every table the source has
 * @param initiator who or what started the job, for the audit trail (a user name, a service, a
 *     scheduler)
 * @param detectors for an incremental job, the {@linkplain io.terrafusion.sync.spi.ChangeDetector#name()
 *     name} of the detector to use for a source table, overriding the engine's incremental detector;
 *     the engine must know each named detector. Ignored by full jobs
 */
public record SyncRequest(SyncMode mode, List<TableId> tables, String initiator, Map<TableId, String> detectors) {

  /**
   * Validates the request and copies the tables and detectors.
   *
   * @throws IllegalArgumentException if a table is named twice, the initiator or a detector name is
   *     blank, or a detector is chosen for a table the request does not sync
   */
  public SyncRequest {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(initiator, "initiator");
    tables = List.copyOf(tables);
    detectors = Map.copyOf(detectors);
    Set<TableId> seen = new HashSet<>();
    for (TableId table : tables) {
      if (!seen.add(table)) {
        throw new IllegalArgumentException("tables must not repeat but " + table + " appears twice");
      }
    }
    if (initiator.isBlank()) {
      throw new IllegalArgumentException("initiator must not be blank");
    }
    for (Map.Entry<TableId, String> entry : detectors.entrySet()) {
      if (entry.getValue().isBlank()) {
        throw new IllegalArgumentException("the detector chosen for table " + entry.getKey() + " must not be blank");
      }
      if (!tables.isEmpty() && !seen.contains(entry.getKey())) {
        throw new IllegalArgumentException("a detector is chosen for table " + entry.getKey()
            + " which the request does not sync; its tables are " + tables);
      }
    }
  }

  /** A request with the engine's detector for every table. */
  public SyncRequest(SyncMode mode, List<TableId> tables, String initiator) {
    this(mode, tables, initiator, Map.of());
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
    return new SyncRequest(mode, tables, who, detectors);
  }

  /**
   * This request with the named detector for one table.
   *
   * @throws IllegalArgumentException if the name is blank or the request does not sync the table
   */
  public SyncRequest withDetector(TableId table, String detector) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(detector, "detector");
    Map<TableId, String> chosen = new HashMap<>(detectors);
    chosen.put(table, detector);
    return new SyncRequest(mode, tables, initiator, chosen);
  }
}
