/**
 * Request rate limiting for /api, in Redis shared by all replicas, in process as a fallback.
 */
@ApplicationModule(allowedDependencies = { "system :: problem", "system :: web", "system :: cache", "system :: openapi" })
package org.ordersystem.ratelimit;

import org.springframework.modulith.ApplicationModule;
