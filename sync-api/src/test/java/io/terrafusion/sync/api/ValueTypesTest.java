package io.terrafusion.sync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
  private static final RowLayout LAYOUT = RowLayout.of(List.of("id", "name"), List.of("id"));

  @Test
  void deleteCarriesNoAfterRowAndOthersDo() {
    assertThatThrownBy(() -> new Change(ChangeKind.DELETE, RowKey.of(1L), null, Row.of(LAYOUT, 1L, "x")))
        .hasMessageContaining("DELETE of (1) must not carry an after row");
    assertThatThrownBy(() -> new Change(ChangeKind.UPDATE, RowKey.of(1L), null, null))
        .hasMessageContaining("UPDATE of (1) must carry an after row");
  }

  @Test
  void changeKeyMustMatchItsRows() {
    assertThatThrownBy(() -> new Change(ChangeKind.INSERT, RowKey.of(2L), null, Row.of(LAYOUT, 1L, "x")))
        .hasMessageContaining("after row has key (1) but the change is of (2)");
  }

  @Test
  void snapshotBatchHoldsOnlyUpsertsInsideItsRange() {
    TableId t = TableId.of("parcels");
    Checkpoint cp = Checkpoint.initial(t, "full");
    KeyRange range = new KeyRange(null, RowKey.of(5L));
    assertThat(new ChangeBatch(t, 0, List.of(Change.upsert(Row.of(LAYOUT, 5L, "a"))), range, cp).isSnapshot()).isTrue();
    assertThatThrownBy(() -> new ChangeBatch(t, 0, List.of(Change.upsert(Row.of(LAYOUT, 6L, "a"))), range, cp))
        .hasMessageContaining("UPSERT of (6)");
    assertThatThrownBy(() -> new ChangeBatch(t, 0, List.of(Change.delete(RowKey.of(1L), null)), range, cp))
        .hasMessageContaining("DELETE of (1)");
  }

  @Test
  void aCheckpointIsGivenOnlyToTheDetectorThatWroteIt() {
    Checkpoint cp = new Checkpoint(TableId.of("parcels"), "watermark", "{}");
    assertThat(cp.requireDetector("watermark")).isSameAs(cp);
    assertThatThrownBy(() -> cp.requireDetector("hashdiff"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("checkpoint of detector watermark given to detector hashdiff for table parcels");
  }

  @Test
  void tableIdRejectsBlankAndNulCharacters() {
    assertThatThrownBy(() -> TableId.of(" ")).hasMessage("table name must not be blank");
    assertThatThrownBy(() -> TableId.of("a\0b")).hasMessageContaining("NUL");
    assertThat(TableId.of("assess", "parcels")).hasToString("assess.parcels");
  }

  @Test
  void requestRejectsRepeatedTables() {
    assertThatThrownBy(() -> SyncRequest.full(TableId.of("a"), TableId.of("a")))
        .hasMessageContaining("a appears twice");
  }

  @Test
  void rowHashRoundTripsThroughHex() {
    RowHash hash = new RowHash(0x0123456789abcdefL, -1L);
    assertThat(RowHash.parse(hash.toString())).isEqualTo(hash);
    assertThatThrownBy(() -> RowHash.parse("abc")).hasMessageContaining("32 hex digits");
  }

  @Test
  void schemaMismatchListsEveryViolation() {
    TableId t = TableId.of("parcels");
    SchemaMismatchException e = new SchemaMismatchException(List.of(
        new Violation(t, null, "acres", "missing-column", "target has no column acres"),
        new Violation(TableId.of("owners"), null, null, "missing-table", "target has no table owners")));
    assertThat(e.getMessage()).contains("2 problem(s)").contains("parcels column acres").contains("owners");
    assertThat(e.table()).isEqualTo(t);
  }

  @Test
  void configurationExceptionListsEveryProblem() {
    InvalidConfigurationException e = new InvalidConfigurationException("SyncEngine",
        List.of("source is required", "batchSize must be > 0 but was -1"));
    assertThat(e.getMessage()).contains("2 problems").contains("source is required").contains("batchSize must be > 0 but was -1");
  }
}
