/**
 * The {@code sync} command-line runner: full syncs and validation between two JDBC URLs. Start with
 * {@link io.terrafusion.sync.examples.cli.SyncCommand}.
 */
@NullMarked
package io.terrafusion.sync.examples.cli;

import org.jspecify.annotations.NullMarked;
