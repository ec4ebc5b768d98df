package io.terrafusion.sync.core.internal;

/**
 * The job was cancelled while it waited to try a failed store call again; the orchestrator ends it
 * CANCELLED. It carries no cause, so that it is never taken for the transient failure it replaces.
 */
final class RetryCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RetryCancelledException(String operation) {
    super("the job was cancelled while waiting to try " + operation + " again");
  }
}
