/**
 * The plug-in point of the JDBC stores: a {@link io.terrafusion.sync.jdbc.spi.Dialect} writes the SQL
 * one database product needs and knows how its types map to canonical values.
 */
@NullMarked
package io.terrafusion.sync.jdbc.spi;

import org.jspecify.annotations.NullMarked;
