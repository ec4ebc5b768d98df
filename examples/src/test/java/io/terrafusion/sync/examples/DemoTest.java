package io.terrafusion.sync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void demoEndsWithEqualSourceAndTarget() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.Outcome outcome = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 300);
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(outcome.differences()).as(output).isEmpty();
    assertThat(outcome.initial().updated() + outcome.initial().deleted()).isZero();
    assertThat(outcome.initial().inserted()).isGreaterThan(300);
    assertThat(outcome.second().inserted()).isEqualTo(outcome.mutation().inserted());
    assertThat(outcome.second().updated()).isEqualTo(outcome.mutation().updated());
    assertThat(outcome.second().deleted()).isEqualTo(outcome.mutation().deleted());
    assertThat(output)
        .contains("Initial full sync into an empty target: SUCCEEDED")
        .contains("Second full sync: SUCCEEDED")
        .contains("parcels")
        .contains("assessments")
        .contains("Source and target hold the same rows.");
  }
}
