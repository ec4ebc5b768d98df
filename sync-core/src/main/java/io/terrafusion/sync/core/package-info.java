/**
 * The engine: {@link io.terrafusion.sync.core.SyncEngine}, its builder and job handles, and bases for
 * decorators of stores ({@link io.terrafusion.sync.core.ForwardingTargetStore} and its kin).
 *
 * <p>Types are thread-safe unless their documentation says otherwise.
 */
@NullMarked
package io.terrafusion.sync.core;

import org.jspecify.annotations.NullMarked;
