package io.terrafusion.sync.testkit;

import io.terrafusion.sync.api.KeyRange;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import io.terrafusion.sync.spi.TargetStore;
import io.terrafusion.sync.spi.WriteBatch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The sample "county assessment project": owners, parcels, assessments and permits, with foreign
 * keys between them, a composite key ({@code assessments}), and string keys ({@code owners},
 * {@code permits}) that include keys differing only in case and characters beyond the Basic
 * Multilingual Plane.
 *
 * <p>Data is generated from a seed, so the same seed gives the same rows. Rows are written through
 * the library's own {@link TargetStore}, so the same code works on every supported database.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class CountyProject {
  /** Property owners; string key. */
  public static final TableId OWNERS = TableId.of("owners");
  /** Land parcels; numeric key; refers to an owner. */
  public static final TableId PARCELS = TableId.of("parcels");
  /** Yearly assessed values; composite key (parcel, tax year); refers to a parcel. */
  public static final TableId ASSESSMENTS = TableId.of("assessments");
  /** Building permits; string key; refers to a parcel. */
  public static final TableId PERMITS = TableId.of("permits");

  private static final List<String> DDL = List.of(
      "CREATE TABLE owners (owner_id VARCHAR(40) NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL,"
          + " mailing_address VARCHAR(200), email VARCHAR(120))",
      "CREATE TABLE parcels (parcel_id BIGINT NOT NULL PRIMARY KEY,"
          + " owner_id VARCHAR(40) NOT NULL, situs_address VARCHAR(200),"
          + " land_use VARCHAR(20), acres DECIMAL(10,3), active BOOLEAN NOT NULL, updated_at TIMESTAMP(6) NOT NULL,"
          + " FOREIGN KEY (owner_id) REFERENCES owners (owner_id))",
      "CREATE TABLE assessments (parcel_id BIGINT NOT NULL,"
          + " tax_year INTEGER NOT NULL, land_value DECIMAL(14,2) NOT NULL, improvement_value DECIMAL(14,2) NOT NULL,"
          + " assessed_on DATE, PRIMARY KEY (parcel_id, tax_year), FOREIGN KEY (parcel_id) REFERENCES parcels (parcel_id))",
      "CREATE TABLE permits (permit_no VARCHAR(40) NOT NULL PRIMARY KEY,"
          + " parcel_id BIGINT NOT NULL, kind VARCHAR(30) NOT NULL,"
          + " issued_on DATE NOT NULL, valuation DECIMAL(12,2), notes VARCHAR(2000),"
          + " FOREIGN KEY (parcel_id) REFERENCES parcels (parcel_id))");

  private static final String[] LAND_USES = {"residential", "agricultural", "commercial", "industrial", "exempt"};
  private static final String[] PERMIT_KINDS = {"building", "electrical", "plumbing", "demolition", "septic"};
  private static final String[] STREETS = {"Canal Dr", "Gage Blvd", "Columbia Park Trl", "Keene Rd", "Van Giesen St"};
  private static final String[] SPECIAL_OWNER_IDS = {"O-Tribal", "o-tribal", "Ö-Ågård", "業主-1", "\uD83C\uDFE0-home"};
  private static final int WRITE_CHUNK = 500;

  private CountyProject() {}

  /** The four tables, parents before children. */
  public static List<TableId> tables() {
    return List.of(OWNERS, PARCELS, ASSESSMENTS, PERMITS);
  }

  /** Creates the four empty tables, with their keys and foreign keys, in the database. */
  public static void createSchema(TestDatabase database) {
    boolean mariadb = database.store().dialect().name().equals("mariadb");
    database.execute(DDL.stream().map(sql -> mariadb ? forMariaDb(sql) : sql).toArray(String[]::new));
    database.store().refresh();
  }

  /**
   * MariaDB's TIMESTAMP converts through the session time zone and ends in 2038; DATETIME is the
   * wall-clock type the other databases call TIMESTAMP. Its default collations fold case (and
   * ignore trailing spaces), so that string keys such as {@code O-Tribal} and {@code o-tribal} would
   * collide: the tables compare text byte-wise, as the other databases do.
   */
  private static String forMariaDb(String ddl) {
    return ddl.replace("TIMESTAMP(6)", "DATETIME(6)") + " DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin";
  }

  /** The CREATE TABLE statements, parents first; portable across H2, SQLite, PostgreSQL and MariaDB. */
  public static List<String> ddl() {
    return DDL;
  }

  /**
   * Fills the (empty) tables with {@code parcels} parcels and, in proportion, owners (one per three
   * parcels, at least the special string keys), two assessments per parcel and a permit for every
   * second parcel.
   *
   * @throws IllegalArgumentException if {@code parcels < 1}
   */
  public static void generate(TargetStore store, int parcels, long seed) {
    Objects.requireNonNull(store, "store");
    if (parcels < 1) {
      throw new IllegalArgumentException("parcels must be >= 1 but was " + parcels);
    }
    Random random = new Random(seed);
    Writer writer = new Writer(store);
    List<String> ownerIds = new ArrayList<>(List.of(SPECIAL_OWNER_IDS));
    for (int i = 0; i < parcels / 3; i++) {
      ownerIds.add(String.format("OWN-%06d", i));
    }
    for (String id : ownerIds) {
      writer.upsert(OWNERS, owner(writer.schema(OWNERS), id, random));
    }
    for (int i = 0; i < parcels; i++) {
      long parcelId = 100_000L + 7L * i;
      writer.upsert(PARCELS, parcel(writer.schema(PARCELS), parcelId, ownerIds.get(random.nextInt(ownerIds.size())), random));
      for (int year = 2024; year <= 2025; year++) {
        writer.upsert(ASSESSMENTS, assessment(writer.schema(ASSESSMENTS), parcelId, year, random));
      }
      if (i % 2 == 0) {
        String permitNo = (i % 4 == 0 ? "P-" : "p-") + String.format("%07d", i);
        writer.upsert(PERMITS, permit(writer.schema(PERMITS), permitNo, parcelId, random));
      }
    }
    writer.flush();
  }

  /**
   * Changes the data as a day of county work would: updates about one parcel in ten and one permit
   * in five, deletes about one parcel in twenty with its assessments and permits, and adds new
   * owners, parcels, assessments and permits.
   *
   * @return what was done, per kind
   */
  public static Mutation mutate(TargetStore store, long seed) {
    Random random = new Random(seed);
    Writer writer = new Writer(store);
    List<Row> parcelRows = readAll(store, writer.schema(PARCELS));
    List<Row> permitRows = readAll(store, writer.schema(PERMITS));
    List<Row> assessmentRows = readAll(store, writer.schema(ASSESSMENTS));
    Set<Object> deletedParcels = new HashSet<>();
    int updated = 0;
    for (Row parcel : parcelRows) {
      int roll = random.nextInt(20);
      if (roll == 0) {
        deletedParcels.add(parcel.get("parcel_id"));
      } else if (roll <= 2) {
        writer.upsert(PARCELS, parcel
            .with("acres", acres(random))
            .with("land_use", LAND_USES[random.nextInt(LAND_USES.length)])
            .with("updated_at", LocalDateTime.of(2026, 11, 1 + random.nextInt(20), 8, 30, 15, 123_456_000)));
        updated++;
      }
    }
    int deleted = deletedParcels.size();
    for (Row permit : permitRows) {
      if (deletedParcels.contains(permit.get("parcel_id"))) {
        writer.delete(PERMITS, permit.key());
        deleted++;
      } else if (random.nextInt(5) == 0) {
        writer.upsert(PERMITS, permit.with("valuation", money(random, 250_000)).with("notes", "revised ✓ 🏗"));
        updated++;
      }
    }
    for (Row assessment : assessmentRows) {
      if (deletedParcels.contains(assessment.get("parcel_id"))) {
        writer.delete(ASSESSMENTS, assessment.key());
        deleted++;
      }
    }
    writer.flush();
    for (Object parcelId : deletedParcels) {
      writer.delete(PARCELS, RowKey.of(parcelId));
    }
    writer.flush();
    int inserted = 0;
    long nextParcel = parcelRows.isEmpty() ? 900_000L : (Long) parcelRows.get(parcelRows.size() - 1).get("parcel_id") + 1;
    for (int i = 0; i < Math.max(1, parcelRows.size() / 25); i++) {
      String ownerId = String.format("NEW-%05d-%d", i, seed);
      writer.upsert(OWNERS, owner(writer.schema(OWNERS), ownerId, random));
      writer.flush();
      long parcelId = nextParcel + i;
      writer.upsert(PARCELS, parcel(writer.schema(PARCELS), parcelId, ownerId, random));
      writer.flush();
      writer.upsert(ASSESSMENTS, assessment(writer.schema(ASSESSMENTS), parcelId, 2026, random));
      writer.upsert(PERMITS, permit(writer.schema(PERMITS), String.format("N-%05d-%d", i, seed), parcelId, random));
      inserted += 4;
    }
    writer.flush();
    return new Mutation(inserted, updated, deleted);
  }

  /**
   * What {@link #mutate} did.
   *
   * @param inserted rows inserted, over all tables
   * @param updated rows updated
   * @param deleted rows deleted
   */
  public record Mutation(int inserted, int updated, int deleted) {}

  private static Row owner(TableSchema schema, String id, Random random) {
    return Row.fromMap(schema.layout(), Map.of(
        "owner_id", id,
        "name", "Owner " + id + (random.nextBoolean() ? " Trust" : ""),
        "mailing_address", random.nextInt(10) + 1 + " " + STREETS[random.nextInt(STREETS.length)] + ", Kennewick WA",
        "email", random.nextInt(4) == 0 ? "" : id.toLowerCase(Locale.ROOT) + "@example.org"));
  }

  private static Row parcel(TableSchema schema, long id, String ownerId, Random random) {
    Row row = Row.fromMap(schema.layout(), Map.of(
        "parcel_id", id,
        "owner_id", ownerId,
        "situs_address", (100 + random.nextInt(9000)) + " " + STREETS[random.nextInt(STREETS.length)],
        "land_use", LAND_USES[random.nextInt(LAND_USES.length)],
        "active", random.nextInt(10) != 0,
        "updated_at", LocalDateTime.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28),
            random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000) * 1000)));
    return random.nextInt(8) == 0 ? row : row.with("acres", acres(random));
  }

  private static Row assessment(TableSchema schema, long parcelId, int year, Random random) {
    Row row = Row.fromMap(schema.layout(), Map.of(
        "parcel_id", parcelId,
        "tax_year", (long) year,
        "land_value", money(random, 400_000),
        "improvement_value", money(random, 900_000)));
    return random.nextInt(6) == 0 ? row : row.with("assessed_on", LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)));
  }

  private static Row permit(TableSchema schema, String permitNo, long parcelId, Random random) {
    Row row = Row.fromMap(schema.layout(), Map.of(
        "permit_no", permitNo,
        "parcel_id", parcelId,
        "kind", PERMIT_KINDS[random.nextInt(PERMIT_KINDS.length)],
        "issued_on", LocalDate.of(2020 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28))));
    if (random.nextInt(3) != 0) {
      row = row.with("valuation", money(random, 150_000));
    }
    return random.nextInt(4) == 0 ? row.with("notes", "Inspection passed; ünïcödé note " + permitNo) : row;
  }

  private static BigDecimal acres(Random random) {
    return BigDecimal.valueOf(random.nextInt(5_000_000), 3);
  }

  private static BigDecimal money(Random random, int max) {
    return BigDecimal.valueOf(random.nextInt(max) * 100L + random.nextInt(100), 2);
  }

  private static List<Row> readAll(TargetStore store, TableSchema schema) {
    List<Row> rows = new ArrayList<>();
    RowKey last = null;
    while (true) {
      List<Row> page = store.read(schema, KeyRange.after(last), 1000);
      rows.addAll(page);
      if (page.size() < 1000) {
        return rows;
      }
      last = page.get(page.size() - 1).key();
    }
  }

  /** Buffers writes per table and applies them in chunks, parents' chunks first on flush. */
  private static final class Writer {
    private final TargetStore store;
    private final Map<TableId, TableSchema> schemas = new HashMap<>();
    private final Map<TableId, List<Row>> upserts = new LinkedHashMap<>();
    private final Map<TableId, List<RowKey>> deletes = new LinkedHashMap<>();

    Writer(TargetStore store) {
      this.store = store;
      for (TableId table : tables()) {
        upserts.put(table, new ArrayList<>());
        deletes.put(table, new ArrayList<>());
      }
    }

    TableSchema schema(TableId table) {
      return schemas.computeIfAbsent(table, t -> store.table(t).orElseThrow(
          () -> new IllegalStateException(store.name() + " has no table " + t + "; call CountyProject.createSchema first")));
    }

    void upsert(TableId table, Row row) {
      List<Row> pending = upserts.get(table);
      pending.add(row);
      if (pending.size() >= WRITE_CHUNK) {
        flush();
      }
    }

    void delete(TableId table, RowKey key) {
      deletes.get(table).add(key);
    }

    void flush() {
      for (TableId table : tables()) {
        List<Row> rows = upserts.get(table);
        if (!rows.isEmpty()) {
          store.apply(schema(table), new WriteBatch(rows, List.of()));
          rows.clear();
        }
      }
      List<TableId> childrenFirst = new ArrayList<>(tables());
      Collections.reverse(childrenFirst);
      for (TableId table : childrenFirst) {
        List<RowKey> keys = deletes.get(table);
        if (!keys.isEmpty()) {
          store.apply(schema(table), new WriteBatch(List.of(), keys));
          keys.clear();
        }
      }
    }
  }
}
