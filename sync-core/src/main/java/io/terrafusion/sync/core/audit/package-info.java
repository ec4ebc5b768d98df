/**
 * Built-in audit sinks (SLF4J, JSON Lines file, in-memory, fan-out, optional, and a hash-chaining
 * sink over any {@link io.terrafusion.sync.spi.AuditRecordStore}) and the chain verifier.
 *
 * <p>Types are thread-safe unless their documentation says otherwise.
 */
@NullMarked
package io.terrafusion.sync.core.audit;

import org.jspecify.annotations.NullMarked;
