/**
 * Tokens, refresh-token families, the security filter chain and login protection.
 */
@ApplicationModule(allowedDependencies = { "user", "system :: problem", "system :: web", "system :: cache", "system :: config", "system :: openapi" })
package org.ordersystem.auth;

import org.springframework.modulith.ApplicationModule;
