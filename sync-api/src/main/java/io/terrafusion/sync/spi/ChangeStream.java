package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.ChangeBatch;
import java.util.Iterator;

/**
 * The batches of one detection run, in order. Used by one thread at a time; closing it releases
 * whatever the detector holds open.
 */
public interface ChangeStream extends Iterator<ChangeBatch>, AutoCloseable {

  /** Releases the run's resources; further calls to {@link #hasNext()} return false. */
  @Override
  void close();
}
