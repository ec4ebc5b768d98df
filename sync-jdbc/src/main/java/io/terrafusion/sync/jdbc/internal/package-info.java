/** Implementation of the JDBC stores: not API, not exported, may change at any time. */
@NullMarked
package io.terrafusion.sync.jdbc.internal;

import org.jspecify.annotations.NullMarked;
