package io.terrafusion.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountyProjectTest {

  @Test
  void sameSeedGivesSameRowsOnEveryDatabase() {
    try (EmbeddedDatabase h2 = EmbeddedDatabase.h2(); EmbeddedDatabase sqlite = EmbeddedDatabase.sqlite()) {
      CountyProject.createSchema(h2);
      CountyProject.createSchema(sqlite);
      CountyProject.generate(h2.store(), 40, 99);
      CountyProject.generate(sqlite.store(), 40, 99);

      assertThat(h2.count("parcels")).isEqualTo(40);
      assertThat(h2.count("assessments")).isEqualTo(80);
      assertThat(h2.count("permits")).isEqualTo(20);
      SyncAssertions.assertSameRows(h2.store(), sqlite.store(), CountyProject.tables());
    }
  }

  @Test
  void schemaHasForeignKeysACompositeKeyAndStringKeysThatDifferOnlyInCase() {
    try (EmbeddedDatabase db = EmbeddedDatabase.h2()) {
      CountyProject.createSchema(db);
      CountyProject.generate(db.store(), 5, 1);

      assertThat(db.store().table(CountyProject.ASSESSMENTS).orElseThrow().primaryKey()).containsExactly("parcel_id", "tax_year");
      assertThat(db.store().table(CountyProject.PARCELS).orElseThrow().foreignKeys())
          .singleElement().satisfies(fk -> assertThat(fk.referencedTable().name()).isEqualTo("owners"));
      assertThat(db.queryLong("SELECT count(*) FROM owners WHERE owner_id IN ('O-Tribal', 'o-tribal')")).isEqualTo(2);
    }
  }

  @Test
  void mutationKeepsForeignKeysIntact() {
    try (EmbeddedDatabase db = EmbeddedDatabase.sqlite()) {
      CountyProject.createSchema(db);
      CountyProject.generate(db.store(), 60, 2);
      CountyProject.Mutation m = CountyProject.mutate(db.store(), 3);

      assertThat(m.inserted()).isPositive();
      assertThat(m.updated()).isPositive();
      assertThat(db.queryLong("SELECT count(*) FROM permits WHERE parcel_id NOT IN (SELECT parcel_id FROM parcels)")).isZero();
      assertThat(db.queryLong("SELECT count(*) FROM assessments WHERE parcel_id NOT IN (SELECT parcel_id FROM parcels)")).isZero();
    }
  }

  @Test
  void rejectsNonPositiveSize() {
    try (EmbeddedDatabase db = EmbeddedDatabase.h2()) {
      CountyProject.createSchema(db);
      assertThatThrownBy(() -> CountyProject.generate(db.store(), 0, 1)).hasMessage("parcels must be >= 1 but was 0");
    }
  }
}
