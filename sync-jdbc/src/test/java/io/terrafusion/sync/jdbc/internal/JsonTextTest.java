package io.terrafusion.sync.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void sortsKeysAndDropsWhitespace() {
    assertThat(JsonText.canonical("{ \"b\" : [1, {\"d\":1, \"c\":2}],\n \"a\": null }"))
        .isEqualTo("{\"a\":null,\"b\":[1,{\"c\":2,\"d\":1}]}");
  }

  @Test
  void writesNumbersPlainKeepingTheirScale() {
    assertThat(JsonText.canonical("[1e3, 2.50, -0.001, 12345678901234567890]"))
        .isEqualTo("[1000,2.50,-0.001,12345678901234567890]");
  }

  @Test
  void rejectsTextThatIsNotJsonWithoutRepeatingIt() {
    assertThatThrownBy(() -> JsonText.canonical("[\"ok\", secretvalue]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a JSON document")
        .hasMessageContaining("column")
        .hasMessageNotContaining("secretvalue");
  }

  @Test
  void escapesStringsAsJsonRequiresAndKeepsOtherCharacters() {
    assertThat(JsonText.canonical("{\"k\\\"ey\": \"tab\\there \\u00e4 😀 \\\"q\\\"\"}"))
        .isEqualTo("{\"k\\\"ey\":\"tab\\there ä 😀 \\\"q\\\"\"}");
  }

  @Test
  void rejectsTrailingTextAndEmptyInput() {
    assertThatThrownBy(() -> JsonText.canonical("{} {}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonText.canonical("  ")).isInstanceOf(IllegalArgumentException.class);
  }
}
