/**
 * Built-in change detectors that need no database of their own, such as the full merge-diff.
 *
 * <p>Types are thread-safe unless their documentation says otherwise.
 */
@NullMarked
package io.terrafusion.sync.core.detect;

import org.jspecify.annotations.NullMarked;
