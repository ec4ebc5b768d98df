package io.terrafusion.sync.examples.cli;

import io.terrafusion.sync.core.audit.AuditVerification;
import io.terrafusion.sync.core.audit.AuditVerifier;
import io.terrafusion.sync.jdbc.DriverManagerDataSource;
import io.terrafusion.sync.jdbc.JdbcAuditStore;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code sync audit verify --file PATH | --audit URL [--chain NAME]}: checks a tamper-evident audit
 * chain, of a JSON Lines file (with its rotated files) or of a JDBC audit table, and prints whether
 * it is whole or the first broken, missing or reordered record. The password of the URL may come from
 * {@code SYNC_AUDIT_PASSWORD}.
 */
final class AuditCommand {
  static final String USAGE = "  sync audit verify (--file PATH | --audit URL [--chain NAME])";

  private static final int PAGE = 1_000;

  private AuditCommand() {}

  /** Runs {@code audit ...} (the arguments after {@code audit}); returns the exit code. */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err, Redactor redactor)
      throws UsageException {
    if (args.isEmpty() || !args.get(0).equals("verify")) {
      throw new UsageException("the audit command needs a subcommand: verify");
    }
    String file = null;
    String url = null;
    String chain = null;
    Iterator<String> it = args.subList(1, args.size()).iterator();
    while (it.hasNext()) {
      String option = it.next();
      switch (option) {
        case "--file" -> file = value(option, it);
        case "--audit" -> url = value(option, it);
        case "--chain" -> chain = value(option, it);
        default -> throw new UsageException("unknown option " + option + " for the audit verify command");
      }
    }
    if ((file == null) == (url == null)) {
      throw new UsageException("audit verify needs exactly one of --file and --audit");
    }
    if (chain != null && url == null) {
      throw new UsageException("--chain goes with --audit");
    }
    AuditVerification result;
    String what;
    if (file != null) {
      Path path = Path.of(file);
      if (!Files.isRegularFile(path)) {
        throw new UsageException("no audit file " + file);
      }
      what = "audit file " + file;
      try {
        result = AuditVerifier.verifyJsonLines(path);
      } catch (UncheckedIOException e) {
        throw new UsageException("cannot read " + what + ": " + e.getMessage());
      }
    } else {
      what = "audit table at " + redactor.redact(url);
      result = AuditVerifier.verify(store(url, chain, env.get("SYNC_AUDIT_PASSWORD"), redactor), PAGE);
    }
    AuditVerification.Break broken = result.firstBreak();
    if (broken == null) {
      out.printf(Locale.ROOT, "audit: the chain of the %s is whole: %d records%n", what, result.checked());
      return SyncCommand.OK;
    }
    out.printf(Locale.ROOT, "audit: the chain of the %s is BROKEN at record %d (%s): %s%n", what, broken.sequence(),
        broken.kind().name().toLowerCase(Locale.ROOT), broken.message());
    return SyncCommand.FAILED;
  }

  private static JdbcAuditStore store(String url, @Nullable String chain, @Nullable String password, Redactor redactor)
      throws UsageException {
    try {
      JdbcAuditStore.Builder builder = JdbcAuditStore.builder(new DriverManagerDataSource(url, password));
      if (chain != null) {
        builder.chain(chain);
      }
      return builder.build();
    } catch (RuntimeException e) {
      throw new UsageException("cannot use the audit table at " + redactor.redact(url) + ": "
          + redactor.redact(String.valueOf(e.getMessage())));
    }
  }

  private static String value(String option, Iterator<String> it) throws UsageException {
    if (!it.hasNext()) {
      throw new UsageException(option + " needs a value");
    }
    return it.next();
  }
}
