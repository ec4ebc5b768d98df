package io.terrafusion.sync.jdbc.internal;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The SQL parser the stores give JDBI. Dialects write only quoted identifiers and {@code ?}
 * parameters, never literals or named parameters, while JDBI's default parser treats a colon as a
 * named parameter and mis-tokenises identifiers with doubled quotes (a table named {@code odd
 * "name"}). This one skips quoted identifiers and string literals and takes every other {@code ?}
 * as a positional parameter.
 */
public final class PositionalSqlParser implements SqlParser {
  private static final PositionalSqlParser INSTANCE = new PositionalSqlParser();

  private PositionalSqlParser() {}

  /** Makes {@code jdbi} use this parser, and returns it. */
  public static Jdbi install(Jdbi jdbi) {
    jdbi.getConfig(SqlStatements.class).setSqlParser(INSTANCE);
    return jdbi;
  }

  @Override
  public ParsedSql parse(String sql, StatementContext ctx) {
    ParsedSql.Builder parsed = ParsedSql.builder();
    StringBuilder text = new StringBuilder(sql.length());
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
        text.append(c);
      } else if (c == quote) {
        // A doubled quote inside a quoted section closes and reopens it, which keeps the state right.
        quote = 0;
        text.append(c);
      } else if (c == '?' && quote == 0) {
        parsed.append(text.toString()).appendPositionalParameter();
        text.setLength(0);
      } else {
        text.append(c);
      }
    }
    return parsed.append(text.toString()).build();
  }

  @Override
  public String nameParameter(String rawName, StatementContext ctx) {
    throw new UnsupportedOperationException("the JDBC stores bind parameters by position only");
  }
}
