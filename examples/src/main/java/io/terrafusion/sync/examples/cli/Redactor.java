package io.terrafusion.sync.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it is printed: {@code password=} parameters (URL query or
 * H2-style {@code ;PASSWORD=}), the password of {@code user:password@} authorities, and every
 * password the runner was given, wherever it appears (a driver may echo it in a message).
 */
final class Redactor {
  static final String MASK = "****";

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password\\s*=)[^&;\\s]*?(?=[&;\\s]|:\\s|$)");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:\\s]*):[^/@\\s]*@");

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  /** A redactor of the patterns and of the given passwords and of those the URLs hold. */
  static Redactor of(List<String> passwords, List<String> urls) {
    List<String> secrets = new ArrayList<>();
    for (String password : passwords) {
      if (!password.isEmpty()) {
        secrets.add(password);
      }
    }
    for (String url : urls) {
      collect(PASSWORD_PARAMETER.matcher(url), secrets, m -> url.substring(m.end(1), m.end()));
      collect(USER_INFO.matcher(url), secrets, m -> url.substring(m.end(1) + 1, m.end() - 1));
    }
    // Longest first, so that a password containing another is masked whole.
    secrets.sort((a, b) -> b.length() - a.length());
    return new Redactor(secrets);
  }

  /** The text with every credential masked. */
  String redact(String text) {
    String out = PASSWORD_PARAMETER.matcher(text).replaceAll("$1" + MASK);
    out = USER_INFO.matcher(out).replaceAll("$1:" + MASK + "@");
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  private interface Part {
    String of(Matcher match);
  }

  private static void collect(Matcher matcher, List<String> secrets, Part part) {
    while (matcher.find()) {
      String secret = part.of(matcher);
      if (!secret.isEmpty()) {
        secrets.add(secret);
      }
    }
  }
}
