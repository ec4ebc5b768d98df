package io.terrafusion.sync.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.terrafusion.sync.api.InvalidConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncHttpHandlerBuilderTest {

  @Test
  void buildReportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> SyncHttpHandler.builder().basePath("ops").maxBodyBytes(0)
        .healthTimeout(Duration.ZERO).build())
        .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
            "engine is required but was not set",
            "basePath must start with / and hold no ?, #, whitespace or // but was ops",
            "maxBodyBytes must be > 0 but was 0",
            "healthTimeout must be positive but was PT0S"));
  }

  @Test
  void defaultAuthorizerAllowsReadsOnly() {
    Authorizer authorizer = Authorizer.readOnly();
    assertThat(authorizer.authorize(request("GET", Map.of()))).isEqualTo(Authorizer.Decision.ALLOW);
    assertThat(authorizer.authorize(request("POST", Map.of()))).isEqualTo(Authorizer.Decision.FORBIDDEN);
    assertThat(authorizer.authorize(request("DELETE", Map.of()))).isEqualTo(Authorizer.Decision.FORBIDDEN);
  }

  @Test
  void bearerTokenNeedsTheExactToken() {
    Authorizer authorizer = Authorizer.bearerToken("abc");
    assertThat(authorizer.authorize(request("POST", Map.of("authorization", List.of("Bearer abc")))))
        .isEqualTo(Authorizer.Decision.ALLOW);
    assertThat(authorizer.authorize(request("GET", Map.of("Authorization", List.of("Bearer abd")))))
        .isEqualTo(Authorizer.Decision.UNAUTHENTICATED);
    assertThat(authorizer.authorize(request("GET", Map.of()))).isEqualTo(Authorizer.Decision.UNAUTHENTICATED);
    assertThatThrownBy(() -> Authorizer.bearerToken(" ")).hasMessage("token must not be blank");
  }

  @Test
  void requestParsesItsQueryAndKeepsMalformedEscapes() {
    HttpRequest request = HttpRequest.of("get", "/x", "table=a%20b&limit=5&bad=%zz&flag", Map.of(), new byte[0]);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.queryParameter("table")).hasValue("a b");
    assertThat(request.queryParameter("bad")).hasValue("%zz");
    assertThat(request.queryParameter("flag")).hasValue("");
  }

  private static HttpRequest request(String method, Map<String, List<String>> headers) {
    return HttpRequest.of(method, "/sync/full", null, headers, new byte[0]);
  }
}
