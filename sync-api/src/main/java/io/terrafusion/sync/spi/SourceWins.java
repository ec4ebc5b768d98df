package io.terrafusion.sync.spi;

import io.terrafusion.sync.api.Conflict;
import io.terrafusion.sync.api.Resolution;

/** {@link ConflictResolver#sourceWins()}: takes the source every time, so it needs no detection. */
enum SourceWins implements ConflictResolver {
  INSTANCE;

  @Override
  public Resolution resolve(Conflict conflict) {
    return Resolution.useSource();
  }

  @Override
  public boolean detectsConflicts() {
    return false;
  }
}
