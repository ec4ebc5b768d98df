/**
 * Built-in transformers: rename tables and columns, drop and compute columns, filter rows.
 *
 * <p>Types are thread-safe unless their documentation says otherwise.
 */
@NullMarked
package io.terrafusion.sync.core.transform;

import org.jspecify.annotations.NullMarked;
