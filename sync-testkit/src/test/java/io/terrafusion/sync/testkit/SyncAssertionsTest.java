package io.terrafusion.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyncAssertionsTest {

  @Test
  void equalTablesPassAndEachKindOfDifferenceIsNamedWithoutValues() {
    try (EmbeddedDatabase a = EmbeddedDatabase.h2(); EmbeddedDatabase b = EmbeddedDatabase.sqlite()) {
      CountyProject.createSchema(a);
      CountyProject.createSchema(b);
      CountyProject.generate(a.store(), 12, 4);
      CountyProject.generate(b.store(), 12, 4);
      SyncAssertions.assertSameRows(a.store(), b.store(), CountyProject.tables());

      b.update("UPDATE owners SET name = 'secret-value-123' WHERE owner_id = 'O-Tribal'");
      b.update("DELETE FROM permits WHERE permit_no = 'P-0000000'");
      b.execute("INSERT INTO owners (owner_id, name) VALUES ('zz-extra', 'x')");

      List<String> owners = SyncAssertions.differences(a.store(), CountyProject.OWNERS, b.store(), CountyProject.OWNERS);
      assertThat(owners).containsExactly(
          "table owners: row ('O-Tribal') differs in column name",
          "table owners: row ('zz-extra') should not be there");
      assertThatThrownBy(() -> SyncAssertions.assertSameRows(a.store(), b.store(), CountyProject.tables()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("table permits: row ('P-0000000') is missing")
          .hasMessageNotContaining("secret-value-123");
    }
  }

  @Test
  void missingTableIsReported() {
    try (EmbeddedDatabase a = EmbeddedDatabase.h2(); EmbeddedDatabase b = EmbeddedDatabase.h2()) {
      CountyProject.createSchema(a);
      assertThat(SyncAssertions.differences(a.store(), CountyProject.OWNERS, b.store(), CountyProject.OWNERS))
          .singleElement().asString().contains("owners is missing from");
    }
  }
}
