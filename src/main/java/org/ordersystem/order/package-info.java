/**
 * The order aggregate with its items, lifecycle, idempotency and statistics.
 */
@ApplicationModule(allowedDependencies = { "user", "system", "shared" })
package org.ordersystem.order;

import org.springframework.modulith.ApplicationModule;
