package io.terrafusion.sync.api;

import java.util.List;
import java.util.Objects;

/**
 * A job cannot start because a running or queued job already syncs some of its tables. An empty
 * table list, on either side, means every table, so it overlaps any other job.
 */
public class JobConflictException extends SyncException {
  private static final long serialVersionUID = 1L;

  private final String runningJobId;
  private final List<TableId> tables;

  /**
   * An exception naming the job in the way and the tables both jobs want.
   *
   * @param runningJobId the id of the job that holds the tables
   * @param tables the tables both jobs want; empty when one of them syncs every table
   */
  public JobConflictException(String runningJobId, List<TableId> tables) {
    super("job " + Objects.requireNonNull(runningJobId, "runningJobId") + " is already syncing "
        + (tables.isEmpty() ? "every table" : "tables " + tables) + "; wait for it to end or cancel it", null, null);
    this.runningJobId = runningJobId;
    this.tables = List.copyOf(tables);
  }

  /** The id of the job that holds the tables. */
  public String runningJobId() {
    return runningJobId;
  }

  /** The tables both jobs want; empty when one of them syncs every table. */
  public List<TableId> tables() {
    return tables;
  }
}
