package io.terrafusion.sync.api;

/** Checks that a name can be quoted safely as an SQL identifier. */
final class Identifiers {
  private Identifiers() {}

  static void check(String what, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " must not contain a NUL character: " + value.replace('\0', '?'));
    }
  }
}
