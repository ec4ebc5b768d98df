/**
 * Built-in validators: schema compatibility before a job, NOT NULL and type checks per row.
 *
 * <p>Types are thread-safe unless their documentation says otherwise.
 */
@NullMarked
package io.terrafusion.sync.core.validate;

import org.jspecify.annotations.NullMarked;
