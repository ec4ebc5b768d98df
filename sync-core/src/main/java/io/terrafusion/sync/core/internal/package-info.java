/**
 * The orchestrator and its parts. Not API: this package is not exported and may change in any release.
 *
 * <p>Types are thread-safe unless their documentation says otherwise.
 */
@NullMarked
package io.terrafusion.sync.core.internal;

import org.jspecify.annotations.NullMarked;
