/**
 * Tokens, refresh-token families, the security filter chain and login protection.
 */
@ApplicationModule(allowedDependencies = { "user", "system", "shared" })
package org.ordersystem.auth;

import org.springframework.modulith.ApplicationModule;
