package io.terrafusion.sync.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The benchmark's parcels table, twelve columns (bigint key, varchar, numeric(14,2), double, boolean,
 * timestamp, json, text), as each database spells it, and its generation inside the database.
 */
enum BenchTable {
  H2("CREATE TABLE parcels (id BIGINT NOT NULL PRIMARY KEY, parcel_no VARCHAR(20) NOT NULL,"
      + " owner_name VARCHAR(100), situs VARCHAR(200), land_use VARCHAR(20), land_value NUMERIC(14,2),"
      + " improvement_value NUMERIC(14,2), acres DOUBLE PRECISION, active BOOLEAN NOT NULL,"
      + " updated_at TIMESTAMP(6) NOT NULL, attributes VARCHAR(400), notes VARCHAR(2000))",
      "INSERT INTO parcels SELECT x, CONCAT('P-', x), CONCAT('Owner ', MOD(x, 9973)),"
      + " CONCAT(MOD(x, 9000) + 100, ' Canal Dr'), CASEWHEN(MOD(x, 3) = 0, 'residential', 'agricultural'),"
      + " CAST(MOD(x * 37, 400000) AS NUMERIC(14,2)) + 0.25, CAST(MOD(x * 91, 900000) AS NUMERIC(14,2)) + 0.5,"
      + " x / 7.0, MOD(x, 10) <> 0, TIMESTAMP '2025-01-01 00:00:00' + x * INTERVAL '1' SECOND,"
      + " CONCAT('{\"flood\":', MOD(x, 2) = 0, ',\"zone\":\"R', MOD(x, 5), '\"}'), REPEAT('n', MOD(x, 200))"
      + " FROM (SELECT \"X\" AS x FROM SYSTEM_RANGE(1, ?)) r"),
  POSTGRESQL("CREATE TABLE parcels (id BIGINT NOT NULL PRIMARY KEY, parcel_no VARCHAR(20) NOT NULL,"
      + " owner_name VARCHAR(100), situs VARCHAR(200), land_use VARCHAR(20), land_value NUMERIC(14,2),"
      + " improvement_value NUMERIC(14,2), acres DOUBLE PRECISION, active BOOLEAN NOT NULL,"
      + " updated_at TIMESTAMP(6) NOT NULL, attributes JSON, notes TEXT)",
      "INSERT INTO parcels SELECT x, 'P-' || x, 'Owner ' || (x % 9973), ((x % 9000) + 100) || ' Canal Dr',"
      + " CASE WHEN x % 3 = 0 THEN 'residential' ELSE 'agricultural' END, (x * 37 % 400000) + 0.25,"
      + " (x * 91 % 900000) + 0.5, x / 7.0, x % 10 <> 0, TIMESTAMP '2025-01-01' + x * INTERVAL '1 second',"
      + " json_build_object('flood', x % 2 = 0, 'zone', 'R' || (x % 5)), repeat('n', (x % 200)::int)"
      + " FROM generate_series(1, ?::bigint) AS x"),
  MARIADB("CREATE TABLE parcels (id BIGINT NOT NULL PRIMARY KEY, parcel_no VARCHAR(20) NOT NULL,"
      + " owner_name VARCHAR(100), situs VARCHAR(200), land_use VARCHAR(20), land_value DECIMAL(14,2),"
      + " improvement_value DECIMAL(14,2), acres DOUBLE, active BOOLEAN NOT NULL,"
      + " updated_at DATETIME(6) NOT NULL, attributes JSON, notes TEXT)",
      "INSERT INTO parcels SELECT seq, CONCAT('P-', seq), CONCAT('Owner ', seq % 9973),"
      + " CONCAT((seq % 9000) + 100, ' Canal Dr'), IF(seq % 3 = 0, 'residential', 'agricultural'),"
      + " (seq * 37 % 400000) + 0.25, (seq * 91 % 900000) + 0.5, seq / 7.0, seq % 10 <> 0,"
      + " TIMESTAMP '2025-01-01 00:00:00' + INTERVAL seq SECOND,"
      + " JSON_OBJECT('flood', seq % 2 = 0, 'zone', CONCAT('R', seq % 5)), REPEAT('n', seq % 200)"
      + " FROM seq_1_to_ROWS");

  private final String ddl;
  private final String fill;

  BenchTable(String ddl, String fill) {
    this.ddl = ddl;
    this.fill = fill;
  }

  /** Creates the empty table. */
  void create(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      st.execute(ddl);
    }
  }

  /** Creates the table and fills it with {@code rows} generated rows. */
  void createFilled(DataSource dataSource, long rows) throws SQLException {
    create(dataSource);
    try (Connection c = dataSource.getConnection()) {
      if (this == MARIADB) {
        // The sequence engine's table name carries the count; rows is a validated number.
        try (Statement st = c.createStatement()) {
          st.execute(fill.replace("ROWS", Long.toString(rows)));
        }
      } else {
        try (PreparedStatement ps = c.prepareStatement(fill)) {
          ps.setLong(1, rows);
          ps.executeUpdate();
        }
      }
    }
  }
}
