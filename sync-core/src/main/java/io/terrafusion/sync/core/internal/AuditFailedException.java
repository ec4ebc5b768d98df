package io.terrafusion.sync.core.internal;

import io.terrafusion.sync.api.SyncException;

/** A required audit sink failed, so the batch (or job) it was recording for fails too. */
final class AuditFailedException extends SyncException {
  private static final long serialVersionUID = 1L;

  AuditFailedException(String message, Throwable cause) {
    super(message, null, cause);
  }
}
