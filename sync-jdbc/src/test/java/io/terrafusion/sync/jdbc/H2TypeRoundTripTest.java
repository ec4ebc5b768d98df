package io.terrafusion.sync.jdbc;

import javax.sql.DataSource;

/** Canonical types on H2. */
class H2TypeRoundTripTest extends TypeRoundTripContract {

  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
