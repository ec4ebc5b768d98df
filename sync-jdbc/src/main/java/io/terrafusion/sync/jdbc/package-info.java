/**
 * JDBC stores: {@link io.terrafusion.sync.jdbc.JdbcStore} (a {@link
 * io.terrafusion.sync.spi.TargetStore} over a {@link javax.sql.DataSource}), the built-in dialects
 * ({@link io.terrafusion.sync.jdbc.Dialects}), the registry of data type handlers ({@link
 * io.terrafusion.sync.jdbc.DataTypeHandlers}), the change detectors that read a JDBC source ({@link
 * io.terrafusion.sync.jdbc.WatermarkDetector}, {@link io.terrafusion.sync.jdbc.ChangelogDetector}) and
 * the trigger-based change capture the latter reads, installed by {@link
 * io.terrafusion.sync.jdbc.Changelog}.
 */
@NullMarked
package io.terrafusion.sync.jdbc;

import org.jspecify.annotations.NullMarked;
