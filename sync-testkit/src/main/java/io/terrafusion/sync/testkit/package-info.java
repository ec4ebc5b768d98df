/**
 * Test support for applications that embed TerraFusion Sync, and for the project's own tests:
 * {@link io.terrafusion.sync.testkit.EmbeddedDatabase} (H2 in memory, SQLite in a temporary file),
 * {@link io.terrafusion.sync.testkit.CountyProject} (a sample schema with foreign keys, a composite key
 * and string keys, and a deterministic generator), and {@link
 * io.terrafusion.sync.testkit.SyncAssertions}.
 */
@NullMarked
package io.terrafusion.sync.testkit;

import org.jspecify.annotations.NullMarked;
