/**
 * The in-memory state store.
 *
 * <p>Types are thread-safe unless their documentation says otherwise.
 */
@NullMarked
package io.terrafusion.sync.core.state;

import org.jspecify.annotations.NullMarked;
