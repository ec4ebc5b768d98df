package io.terrafusion.sync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.testkit.CountyProject;
import io.terrafusion.sync.testkit.SyncAssertions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandTest {
  @TempDir Path directory;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private String source;
  private String target;

  @BeforeEach
  void databases() {
    source = H2Files.url(directory, "source");
    target = H2Files.url(directory, "target");
    H2Files.county(source, 60);
  }

  private int run(Map<String, String> env, String... args) {
    return SyncCommand.run(Arrays.asList(args), env, print(out), print(err));
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void fullSyncCopiesEveryTableAndPrintsTheReport() {
    H2Files.countySchema(target);

    assertThat(run("full", "--source", source, "--target", target, "--batch-size", "25")).isZero();

    SyncAssertions.assertSameRows(H2Files.store(source), H2Files.store(target), CountyProject.tables());
    assertThat(out()).contains("inserted", "dead-lettered", "owners", "parcels", "assessments", "permits")
        .contains("full sync SUCCEEDED");
  }

  @Test
  void tablesOptionSyncsOnlyTheNamedTables() {
    H2Files.countySchema(target);

    assertThat(run("full", "--source", source, "--target", target, "--tables", "owners,PARCELS")).isZero();

    SyncAssertions.assertSameRows(H2Files.store(source), H2Files.store(target),
        List.of(CountyProject.OWNERS, CountyProject.PARCELS));
    assertThat(SyncAssertions.differences(H2Files.store(source), CountyProject.PERMITS, H2Files.store(target),
        CountyProject.PERMITS)).isNotEmpty();
    assertThat(out()).contains("2 tables").doesNotContain("permits");
  }

  @Test
  void createTablesFillsAnEmptyTarget() {
    assertThat(run("full", "--source", source, "--target", target, "--create-tables")).isZero();

    SyncAssertions.assertSameRows(H2Files.store(source), H2Files.store(target), CountyProject.tables());
  }

  @Test
  void emptyTargetWithoutCreateTablesFailsNamingTheMissingTables() {
    assertThat(run("full", "--source", source, "--target", target)).isEqualTo(SyncCommand.FAILED);

    assertThat(err()).contains("missing-table").contains("owners");
  }

  @Test
  void validateExitsZeroWhenSourceAndTargetMatch() {
    H2Files.countySchema(target);
    run("full", "--source", source, "--target", target);
    out.reset();

    assertThat(run("validate", "--source", source, "--target", target)).isZero();

    assertThat(out()).contains("owners: same rows").contains("source and target match");
  }

  @Test
  void validateExitsOneAndListsTheDifferencesPerTable() {
    H2Files.countySchema(target);
    run("full", "--source", source, "--target", target);
    H2Files.execute(target, "DELETE FROM permits");
    out.reset();

    assertThat(run("validate", "--source", source, "--target", target)).isEqualTo(SyncCommand.FAILED);

    assertThat(out()).contains("owners: same rows").contains("permits: differs").contains("1 of 4 tables differ");
  }

  @Test
  void validateReportsASchemaViolation() {
    H2Files.countySchema(target);
    H2Files.execute(target, "ALTER TABLE permits DROP COLUMN notes");

    assertThat(run("validate", "--source", source, "--target", target)).isEqualTo(SyncCommand.FAILED);

    assertThat(out()).contains("missing-column").contains("notes").contains("permits: not compared");
  }

  @Test
  void unknownTableExitsTwoNamingItAndTheSourceTables() {
    assertThat(run("full", "--source", source, "--target", target, "--tables", "owners,parcles"))
        .isEqualTo(SyncCommand.USAGE);

    assertThat(err()).contains("unknown table parcles").contains("owners, parcels");
  }

  @Test
  void sourceWithoutTablesExitsTwoSayingSoRatherThanSyncingNothing() {
    String empty = H2Files.url(directory, "empty");
    assertThat(run("full", "--source", empty, "--target", target)).isEqualTo(SyncCommand.USAGE);

    assertThat(err()).contains("has no tables with a primary key").contains("check the database or schema");
  }

  @Test
  void unreachableDatabaseExitsTwoNamingTheSide() {
    assertThat(run("full", "--source", source, "--target", "jdbc:nosuchdriver:here")).isEqualTo(SyncCommand.USAGE);

    assertThat(err()).contains("cannot connect to the target jdbc:nosuchdriver:here");
  }

  @Test
  void passwordsFromEnvironmentAndUrlNeverAppearWhenTheConnectionFails() {
    Map<String, String> env = Map.of("SYNC_SOURCE_PASSWORD", "envSourceSecret", "SYNC_TARGET_PASSWORD", "envTargetSecret");
    String refused = "jdbc:postgresql://127.0.0.1:1/county?user=clerk&password=urlSecret42";

    assertThat(run(env, "full", "--source", refused, "--target", target)).isEqualTo(SyncCommand.USAGE);

    assertThat(out() + err()).contains("cannot connect to the source").contains(Redactor.MASK)
        .doesNotContain("urlSecret42").doesNotContain("envSourceSecret").doesNotContain("envTargetSecret");
  }

  @Test
  void wrongPasswordsNeverAppearWhenTheDatabaseRefusesThem() {
    String guarded = H2Files.url(directory, "guarded") + ";USER=sa;PASSWORD=rightOne";
    H2Files.countySchema(guarded);
    Map<String, String> env = Map.of("SYNC_TARGET_PASSWORD", "wrongEnvSecret");

    int inUrl = run("full", "--source", source, "--target", H2Files.url(directory, "guarded") + ";USER=sa;PASSWORD=wrongUrlSecret");
    int inEnv = run(env, "full", "--source", source, "--target", H2Files.url(directory, "guarded") + ";USER=sa");

    assertThat(List.of(inUrl, inEnv)).containsOnly(SyncCommand.USAGE);
    assertThat(err()).contains("cannot connect to the target").doesNotContain("wrongUrlSecret").doesNotContain("wrongEnvSecret");
  }

  @Test
  void passwordFromEnvironmentIsUsedAndNeverPrinted() {
    String guarded = H2Files.url(directory, "guarded") + ";USER=sa;PASSWORD=rightOne";
    H2Files.countySchema(guarded);

    int code = run(Map.of("SYNC_TARGET_PASSWORD", "rightOne"), "full", "--source", source, "--target",
        H2Files.url(directory, "guarded") + ";USER=sa");

    assertThat(code).isZero();
    assertThat(out() + err()).doesNotContain("rightOne");
  }

  @Test
  void incrementalWithTheDefaultHashDiffBringsInsertsUpdatesAndDeletes() {
    H2Files.countySchema(target);
    assertThat(run("full", "--source", source, "--target", target)).isZero();
    H2Files.execute(source,
        "UPDATE parcels SET situs_address = 'moved' WHERE parcel_id = (SELECT min(parcel_id) FROM parcels)",
        "DELETE FROM permits WHERE permit_no = (SELECT min(permit_no) FROM permits)",
        "INSERT INTO owners (owner_id, name) VALUES ('zz-new', 'New Owner')");

    assertThat(run("incremental", "--source", source, "--target", target)).isZero();

    SyncAssertions.assertSameRows(H2Files.store(source), H2Files.store(target), CountyProject.tables());
    assertThat(out()).contains("incremental sync SUCCEEDED");
  }

  @Test
  void incrementalWithAWatermarkColumnTakesRowsChangedSinceTheLastRun() {
    H2Files.countySchema(target);
    String[] incremental = {"incremental", "--source", source, "--target", target, "--tables", "parcels",
        "--detector", "watermark:updated_at"};
    assertThat(run("full", "--source", source, "--target", target)).isZero();
    assertThat(run(incremental)).as("stderr: %s", err()).isZero();
    H2Files.execute(source, "UPDATE parcels SET situs_address = 'moved', updated_at = DATEADD('MINUTE', -1, LOCALTIMESTAMP)"
        + " WHERE parcel_id = (SELECT min(parcel_id) FROM parcels)");
    out.reset();

    assertThat(run(incremental)).as("stderr: %s", err()).isZero();

    SyncAssertions.assertSameRows(H2Files.store(source), H2Files.store(target), List.of(CountyProject.PARCELS));
    assertThat(out()).contains("1 tables, 0 inserted, 1 updated, 0 deleted");
  }

  @Test
  void incrementalWithAChangelogOnATableWithoutTriggersFailsSayingSo() {
    H2Files.countySchema(target);

    assertThat(run("incremental", "--source", source, "--target", target, "--tables", "owners",
        "--detector", "changelog")).isEqualTo(SyncCommand.FAILED);

    assertThat(err()).contains("owners").containsIgnoringCase("changelog");
  }

  @Test
  void fullSyncKeepsItsStateInTheTargetByDefault() throws Exception {
    H2Files.countySchema(target);
    assertThat(run("full", "--source", source, "--target", target)).isEqualTo(SyncCommand.OK);

    try (Connection c = DriverManager.getConnection(target);
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM tfsync_jobs")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1);
    }
  }

  @Test
  void stateOptionKeepsTheStateInTheNamedDatabaseAndNotInTheTarget() throws Exception {
    H2Files.countySchema(target);
    String state = H2Files.url(directory, "state");
    assertThat(run("full", "--source", source, "--target", target, "--state", state)).isEqualTo(SyncCommand.OK);

    assertThat(stateTables(state)).contains("tfsync_jobs");
    assertThat(stateTables(target)).isEmpty();
  }

  @Test
  void stateStoreThatCannotBeUsedExitsTwoNamingIt() {
    H2Files.countySchema(target);
    assertThat(run(Map.of("SYNC_STATE_PASSWORD", "stateSecret"), "full", "--source", source, "--target", target,
        "--state", "jdbc:nosuchdriver:state")).isEqualTo(SyncCommand.USAGE);

    assertThat(err()).contains("cannot use the state store at jdbc:nosuchdriver:state").doesNotContain("stateSecret");
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  /** The tfsync_ tables of a database; the store's table list leaves them out on purpose. */
  private static List<String> stateTables(String url) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'tfsync\\_%'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
