/**
 * JDBC stores: {@link io.terrafusion.sync.jdbc.JdbcStore} (a {@link
 * io.terrafusion.sync.spi.TargetStore} over a {@link javax.sql.DataSource}), the built-in dialects
 * ({@link io.terrafusion.sync.jdbc.Dialects}) and the registry of data type handlers ({@link
 * io.terrafusion.sync.jdbc.DataTypeHandlers}), and trigger-based change capture: {@link
 * io.terrafusion.sync.jdbc.Changelog} installs it, {@link io.terrafusion.sync.jdbc.ChangelogDetector}
 * reads it.
 */
@NullMarked
package io.terrafusion.sync.jdbc;

import org.jspecify.annotations.NullMarked;
