/**
 * Built-in audit sinks: SLF4J, JSON Lines file, in-memory, and fan-out.
 *
 * <p>Types are thread-safe unless their documentation says otherwise.
 */
@NullMarked
package io.terrafusion.sync.core.audit;

import org.jspecify.annotations.NullMarked;
