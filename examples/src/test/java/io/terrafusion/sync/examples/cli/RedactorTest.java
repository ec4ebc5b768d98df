package io.terrafusion.sync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void masksPasswordParametersOfQueryAndH2Urls() {
    Redactor redactor = Redactor.of(List.of(), List.of());

    assertThat(redactor.redact("jdbc:postgresql://db/x?user=a&password=p1&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/x?user=a&password=****&ssl=true");
    assertThat(redactor.redact("jdbc:h2:./f;USER=sa;PASSWORD=p2;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:./f;USER=sa;PASSWORD=****;MODE=PostgreSQL");
  }

  @Test
  void masksThePasswordOfUserInfo() {
    assertThat(Redactor.of(List.of(), List.of()).redact("cannot reach jdbc:mariadb://bob:pa55@db:3306/x"))
        .isEqualTo("cannot reach jdbc:mariadb://bob:****@db:3306/x");
  }

  @Test
  void masksGivenAndUrlPasswordsWhereverTheyAppear() {
    Redactor redactor = Redactor.of(List.of("envSecret"), List.of("--source", "jdbc:x://h/d?password=urlSecret"));

    assertThat(redactor.redact("driver said: bad login envSecret / urlSecret"))
        .isEqualTo("driver said: bad login **** / ****");
  }

  @Test
  void keepsTheSeparatorAfterAPasswordAtTheEndOfAUrl() {
    assertThat(Redactor.of(List.of(), List.of()).redact("jdbc:x://h/d?password=abc: refused"))
        .isEqualTo("jdbc:x://h/d?password=****: refused");
  }
}
