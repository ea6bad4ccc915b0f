/**
 * Users, their profiles and the admin view of them.
 */
@ApplicationModule(allowedDependencies = { "system :: problem", "system :: web", "system :: cache", "system :: data", "system :: openapi" })
package org.ordersystem.user;

import org.springframework.modulith.ApplicationModule;
