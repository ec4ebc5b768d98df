/**
 * Built-in change detectors that need no database of their own: the full merge-diff, and the
 * hash-diff over the segment checksums that stores compute.
 *
 * <p>Types are thread-safe unless their documentation says otherwise.
 */
@NullMarked
package io.terrafusion.sync.core.detect;

import org.jspecify.annotations.NullMarked;
