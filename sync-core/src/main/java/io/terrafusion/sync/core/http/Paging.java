package io.terrafusion.sync.core.http;

/** The {@code offset} and {@code limit} query parameters of the list routes. */
record Paging(int offset, int limit) {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  static Paging of(HttpRequest request) {
    return new Paging(number(request, "offset", 0, 0, Integer.MAX_VALUE),
        number(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
  }

  private static int number(HttpRequest request, String name, int fallback, int min, int max) {
    String text = request.queryParameter(name).orElse(null);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below, with the rule
    }
    throw HttpProblem.badParameter(name, name + " must be a whole number from " + min + " to " + max);
  }
}
