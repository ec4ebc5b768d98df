package io.terrafusion.sync.core.audit;

import io.terrafusion.sync.api.AuditEvent;
import io.terrafusion.sync.api.AuditEventType;
import io.terrafusion.sync.api.Row;
import io.terrafusion.sync.api.RowLayout;
import io.terrafusion.sync.api.TableId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events shared by the audit sink tests. */
final class AuditFixtures {
  static final String SECRET = "s3cr3t-4711";
  static final TableId ORDERS = TableId.of("shop", "orders");
  static final Instant AT = Instant.parse("2025-01-02T03:04:05.123Z");
  static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  static final RowLayout LAYOUT = RowLayout.of(
      List.of("id", "code", "amount", "ratio", "note", "active", "photo", "born", "opens", "seen", "changed",
          "stamp", "ref", "missing"),
      List.of("id", "code"));

  private AuditFixtures() {}

  /** A row holding a value of every canonical type; {@code note} holds {@link #SECRET}. */
  static Row everyType(long id) {
    return Row.of(LAYOUT, id, "R-1", new BigDecimal("12.50"), 0.25, SECRET, true, new byte[] {1, 2, 3},
        LocalDate.of(1990, 5, 6), LocalTime.of(8, 30), LocalDateTime.of(2024, 1, 2, 3, 4, 5),
        Instant.parse("2024-06-07T08:09:10Z"), OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)),
        ID, null);
  }

  static AuditEvent rowEvent(AuditEventType type, long id) {
    Row row = everyType(id);
    return AuditEvent.ofRow("job-1", 3, AT, type, ORDERS, row.key(), row, row.with("amount", new BigDecimal("13.00")),
        Map.of("reason", "changed at source"));
  }

  static AuditEvent jobEvent(AuditEventType type) {
    return AuditEvent.ofJob("job-1", AT, type, Map.of("mode", "FULL"));
  }
}
