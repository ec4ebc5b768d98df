package io.terrafusion.sync.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The credential-free location in default store names. */
class DialectDetectionTest {

  @Test
  void locationPrefersTheCatalog() {
    assertThat(DialectDetection.location("SALES", "jdbc:h2:mem:sales;PASSWORD=x")).isEqualTo("SALES");
  }

  @Test
  void locationDropsUrlParametersAndUserInfo() {
    assertThat(DialectDetection.location(null, "jdbc:postgresql://bob:hunter2@db:5432/app?password=hunter2"))
        .isEqualTo("jdbc:postgresql://db:5432/app");
    assertThat(DialectDetection.location("", "jdbc:h2:file:/data/app;CIPHER=AES;PASSWORD=x"))
        .isEqualTo("jdbc:h2:file:/data/app");
  }
}
