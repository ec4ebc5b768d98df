package io.terrafusion.sync.examples.cli;

/** The command line is wrong or a database cannot be used; the runner exits with code 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
