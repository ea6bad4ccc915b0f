/**
 * The order aggregate with its items, lifecycle, idempotency and statistics.
 */
@ApplicationModule(allowedDependencies = { "user", "system :: problem", "system :: web", "system :: cache", "system :: data", "system :: openapi" })
package org.ordersystem.order;

import org.springframework.modulith.ApplicationModule;
