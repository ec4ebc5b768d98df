package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.ForeignKey;
import io.terrafusion.sync.api.TableId;
import io.terrafusion.sync.api.TableSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders tables by the foreign keys among them: a table comes after every table it references.
 * Ties break by name, so the order is deterministic. Self-references and references to tables
 * outside the selection are ignored.
 */
final class TableOrder {
  private static final Logger LOG = LoggerFactory.getLogger(TableOrder.class);
  private static final Comparator<TableId> BY_NAME = Comparator.comparing(TableId::toString, String::compareTo);

  private TableOrder() {}

  /** The tables, parents before children; tables in a cycle follow the rest in name order. */
  static List<TableSchema> parentsFirst(List<TableSchema> tables) {
    Map<TableId, TableSchema> byId = new LinkedHashMap<>();
    tables.forEach(t -> byId.put(t.id(), t));
    Map<TableId, Set<TableId>> parents = parents(byId);
    Map<TableId, Integer> waiting = new HashMap<>();
    PriorityQueue<TableId> ready = new PriorityQueue<>(BY_NAME);
    parents.forEach((id, ps) -> {
      waiting.put(id, ps.size());
      if (ps.isEmpty()) {
        ready.add(id);
      }
    });
    List<TableSchema> ordered = new ArrayList<>(tables.size());
    while (!ready.isEmpty()) {
      TableId next = ready.poll();
      ordered.add(byId.get(next));
      waiting.remove(next);
      parents.forEach((child, ps) -> {
        if (ps.contains(next) && waiting.containsKey(child) && waiting.merge(child, -1, Integer::sum) == 0) {
          ready.add(child);
        }
      });
    }
    if (!waiting.isEmpty()) {
      List<TableId> cycle = waiting.keySet().stream().sorted(BY_NAME).toList();
      LOG.warn("foreign keys among tables {} form a cycle; syncing them in name order", cycle);
      cycle.forEach(id -> ordered.add(byId.get(id)));
    }
    return ordered;
  }

  /** The tables that another of the given tables references. */
  static Set<TableId> referenced(List<TableSchema> tables) {
    Map<TableId, TableSchema> byId = new LinkedHashMap<>();
    tables.forEach(t -> byId.put(t.id(), t));
    Set<TableId> referenced = new HashSet<>();
    parents(byId).values().forEach(referenced::addAll);
    return referenced;
  }

  private static Map<TableId, Set<TableId>> parents(Map<TableId, TableSchema> byId) {
    Map<TableId, Set<TableId>> parents = new LinkedHashMap<>();
    for (TableSchema table : byId.values()) {
      Set<TableId> ps = new HashSet<>();
      for (ForeignKey fk : table.foreignKeys()) {
        TableId parent = fk.referencedTable();
        if (!parent.equals(table.id()) && byId.containsKey(parent)) {
          ps.add(parent);
        }
      }
      parents.put(table.id(), ps);
    }
    return parents;
  }
}
