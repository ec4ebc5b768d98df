package io.terrafusion.sync.testkit;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every ordered pair of the embedded databases, as (name, source, target) arguments of a parameterized test. */
final class EmbeddedPairs {
  private EmbeddedPairs() {}

  static Stream<Arguments> all() {
    Supplier<EmbeddedDatabase> h2 = EmbeddedDatabase::h2;
    Supplier<EmbeddedDatabase> sqlite = EmbeddedDatabase::sqlite;
    return Stream.of(
        Arguments.of("h2 -> h2", h2, h2),
        Arguments.of("sqlite -> sqlite", sqlite, sqlite),
        Arguments.of("h2 -> sqlite", h2, sqlite),
        Arguments.of("sqlite -> h2", sqlite, h2));
  }
}
