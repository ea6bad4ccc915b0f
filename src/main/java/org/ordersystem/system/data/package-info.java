/**
 * Data sources: the embedded default, database URLs, migrations, after-commit work.
 */
@NamedInterface("data")
package org.ordersystem.system.data;

import org.springframework.modulith.NamedInterface;
