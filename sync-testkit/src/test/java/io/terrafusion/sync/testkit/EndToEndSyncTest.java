package io.terrafusion.sync.testkit;

import static io.terrafusion.sync.testkit.CountyProject.ASSESSMENTS;
import static io.terrafusion.sync.testkit.CountyProject.OWNERS;
import static io.terrafusion.sync.testkit.CountyProject.PARCELS;
import static io.terrafusion.sync.testkit.CountyProject.PERMITS;
import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.api.SyncRequest;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.core.SyncEngine;
import io.terrafusion.sync.core.audit.AuditSinks;
import io.terrafusion.sync.core.audit.InMemoryAuditSink;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sample county project synced end to end between every pair of embedded databases. */
class EndToEndSyncTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.terrafusion.sync.testkit.EmbeddedPairs#all")
  void fullSyncCopiesTheProjectThenCarriesInsertsUpdatesAndDeletes(
      String name, Supplier<EmbeddedDatabase> sourceKind, Supplier<EmbeddedDatabase> targetKind) {
    try (EmbeddedDatabase source = sourceKind.get(); EmbeddedDatabase target = targetKind.get()) {
      CountyProject.createSchema(source);
      CountyProject.createSchema(target);
      CountyProject.generate(source.store(), 120, 11);

      try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).batchSize(37).build()) {
        SyncReport first = engine.run(SyncRequest.full());
        assertThat(first.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(first.inserted()).isEqualTo(
            source.count("owners") + source.count("parcels") + source.count("assessments") + source.count("permits"));
        SyncAssertions.assertSameRows(source.store(), target.store(), CountyProject.tables());

        CountyProject.Mutation day = CountyProject.mutate(source.store(), 5);
        assertThat(day.deleted()).isPositive();
        SyncReport second = engine.run(SyncRequest.full());
        assertThat(second.inserted()).isEqualTo(day.inserted());
        assertThat(second.updated()).isEqualTo(day.updated());
        assertThat(second.deleted()).isEqualTo(day.deleted());
        assertThat(second.table(PARCELS).orElseThrow().deleted()).isPositive();
        SyncAssertions.assertSameRows(source.store(), target.store(), CountyProject.tables());

        SyncReport third = engine.run(SyncRequest.full());
        assertThat(third.changed()).isZero();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.terrafusion.sync.testkit.EmbeddedPairs#all")
  void targetDriftIsRepairedAndParentsAreDeletedAfterTheirChildren(
      String name, Supplier<EmbeddedDatabase> sourceKind, Supplier<EmbeddedDatabase> targetKind) {
    try (EmbeddedDatabase source = sourceKind.get(); EmbeddedDatabase target = targetKind.get()) {
      CountyProject.createSchema(source);
      CountyProject.createSchema(target);
      CountyProject.generate(source.store(), 30, 3);
      try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).build()) {
        engine.run(SyncRequest.full());

        long parcel = source.queryLong("SELECT min(parcel_id) FROM parcels");
        source.update("DELETE FROM permits WHERE parcel_id = ?", parcel);
        source.update("DELETE FROM assessments WHERE parcel_id = ?", parcel);
        source.update("DELETE FROM parcels WHERE parcel_id = ?", parcel);
        source.update("DELETE FROM owners WHERE owner_id NOT IN (SELECT owner_id FROM parcels)");
        target.update("UPDATE parcels SET land_use = 'drifted' WHERE parcel_id = (SELECT max(parcel_id) FROM parcels)");
        target.execute("INSERT INTO owners (owner_id, name) VALUES ('ZZ-stray', 'only in target')");

        SyncReport report = engine.run(SyncRequest.full());

        assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(report.table(PARCELS).orElseThrow().updated()).isEqualTo(1);
        assertThat(report.table(OWNERS).orElseThrow().deleted()).isPositive();
        assertThat(target.queryLong("SELECT count(*) FROM parcels WHERE parcel_id = ?", parcel)).isZero();
        SyncAssertions.assertSameRows(source.store(), target.store(), CountyProject.tables());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.terrafusion.sync.testkit.EmbeddedPairs#all")
  void tablesAreSyncedParentsFirst(String name, Supplier<EmbeddedDatabase> sourceKind, Supplier<EmbeddedDatabase> targetKind) {
    try (EmbeddedDatabase source = sourceKind.get(); EmbeddedDatabase target = targetKind.get()) {
      CountyProject.createSchema(source);
      CountyProject.createSchema(target);
      CountyProject.generate(source.store(), 10, 9);
      InMemoryAuditSink audit = AuditSinks.inMemory();
      try (SyncEngine engine = SyncEngine.builder().source(source.store()).target(target.store()).auditSink(audit).build()) {
        engine.run(SyncRequest.full(PERMITS, ASSESSMENTS, PARCELS, OWNERS));

        List<TableId> started = audit.events().stream()
            .filter(e -> e.type() == AuditEventType.TABLE_STARTED)
            .map(AuditEvent::table)
            .toList();
        assertThat(started).containsSubsequence(OWNERS, PARCELS, ASSESSMENTS).containsSubsequence(PARCELS, PERMITS);
        SyncAssertions.assertSameRows(source.store(), target.store(), CountyProject.tables());
      }
    }
  }
}
