package io.terrafusion.sync.testkit.crash;

import io.terrafusion.sync.testkit.ServerDatabase;

/**
 * A deferred constraint trigger on PostgreSQL's {@code items} table that refuses, at commit, any
 * transaction that wrote a row named {@link #MARKER}: everything the transaction ran has run by then,
 * so a refusal shows what commits together and what does not.
 */
final class CommitRefusal {
  /** The name of a row whose transaction fails at commit. */
  static final String MARKER = "refused at commit";

  private CommitRefusal() {}

  /** Installs the trigger on the database's {@code items} table (which must exist). */
  static void install(ServerDatabase db) {
    db.execute(
        "CREATE FUNCTION refuse_marker() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " IF NEW.name = '" + MARKER + "' THEN RAISE EXCEPTION 'marker row %', NEW.id; END IF;"
            + " RETURN NULL; END $$",
        "CREATE CONSTRAINT TRIGGER refuse_marker AFTER INSERT OR UPDATE ON items"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_marker()");
  }
}
