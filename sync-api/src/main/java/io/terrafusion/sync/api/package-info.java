/**
 * Value types of TerraFusion Sync: table metadata, rows and keys, changes and batches, checkpoints,
 * conflicts, violations, audit events, dead letters, and the job model (requests, status, reports).
 *
 * <p>Every type here is immutable and thread-safe unless its documentation says otherwise.
 */
@NullMarked
package io.terrafusion.sync.api;

import org.jspecify.annotations.NullMarked;
