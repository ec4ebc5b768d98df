/**
 * The service-provider interfaces the engine is assembled from: where rows come from and go to
 * ({@link io.terrafusion.sync.spi.SourceStore}, {@link io.terrafusion.sync.spi.TargetStore}), how
 * changes are found ({@link io.terrafusion.sync.spi.ChangeDetector}), mapped ({@link
 * io.terrafusion.sync.spi.Transformer}), checked ({@link io.terrafusion.sync.spi.Validator}) and
 * reconciled ({@link io.terrafusion.sync.spi.ConflictResolver}), what is recorded ({@link
 * io.terrafusion.sync.spi.AuditSink}) and remembered ({@link io.terrafusion.sync.spi.StateStore}),
 * and how values are read and written ({@link io.terrafusion.sync.spi.DataTypeHandler}).
 *
 * <p>Implementations must be thread-safe unless an interface says otherwise: one engine may run
 * several tables and jobs at once.
 */
@NullMarked
package io.terrafusion.sync.spi;

import org.jspecify.annotations.NullMarked;
