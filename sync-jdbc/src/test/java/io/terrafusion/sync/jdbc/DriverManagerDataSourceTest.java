package io.terrafusion.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DriverManagerDataSourceTest {

  @Test
  void opensConnectionsWithThePasswordGivenApartFromTheUrl() throws Exception {
    String url = "jdbc:h2:mem:dm" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;USER=sa";
    DriverManagerDataSource first = new DriverManagerDataSource(url, "s3cret");
    try (Connection c = first.getConnection()) {
      assertThat(c.isValid(1)).isTrue();
    }
    assertThatThrownBy(() -> new DriverManagerDataSource(url, "wrong").getConnection().close())
        .hasMessageContaining("Wrong user name or password");
  }

  @Test
  void neverShowsItsUrlAndRejectsOneThatIsNotJdbc() {
    assertThat(new DriverManagerDataSource("jdbc:postgresql://h/db?password=s3cret")).hasToString("DriverManagerDataSource");
    assertThatThrownBy(() -> new DriverManagerDataSource("postgresql://h/db?password=s3cret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with jdbc:")
        .hasMessageNotContaining("s3cret");
  }
}
