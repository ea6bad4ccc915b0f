/**
 * App-wide infrastructure: configuration, start-up guard, embedded database, errors, request ids, health and observability.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package org.ordersystem.system;

import org.springframework.modulith.ApplicationModule;
