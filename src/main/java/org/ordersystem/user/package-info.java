/**
 * Users, their profiles and the admin view of them.
 */
@ApplicationModule(allowedDependencies = { "system", "shared" })
package org.ordersystem.user;

import org.springframework.modulith.ApplicationModule;
