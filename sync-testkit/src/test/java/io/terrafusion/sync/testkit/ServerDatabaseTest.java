package io.terrafusion.sync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.testkit.ServerDatabase.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ServerDatabaseTest {

  @ParameterizedTest
  @EnumSource(Kind.class)
  void eachDatabaseIsFreshAndDroppedOnClose(Kind kind) {
    ServerDatabase.require(kind);
    String name = "tfsync_server_database_test";
    try (ServerDatabase db = ServerDatabase.create(kind, name)) {
      db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
      db.update("INSERT INTO t VALUES (?)", 7);
      assertThat(db.count("t")).isEqualTo(1);
    }
    try (ServerDatabase again = ServerDatabase.create(kind, name)) {
      assertThatThrownBy(() -> again.count("t")).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void unreachableServerIsNamedWithItsVariableAndWithoutThePassword() {
    assertThat(ServerDatabase.unavailable(Kind.POSTGRESQL, "jdbc:postgresql://127.0.0.1:1/test?user=u&password=hunter2"))
        .hasValueSatisfying(reason -> assertThat(reason)
            .contains("SYNC_TEST_PG_URL")
            .contains("127.0.0.1:1")
            .doesNotContain("hunter2"));
  }

  @Test
  void rejectsUnsafeNames() {
    assertThatThrownBy(() -> ServerDatabase.create(Kind.MARIADB, "x; DROP DATABASE test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case letters");
  }
}
