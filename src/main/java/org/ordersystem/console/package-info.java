/**
 * The web console under {@code /ui}: server-rendered pages for people, calling the business
 * modules' services directly, behind its own security filter chain (form sign-in, session
 * cookie, CSRF).
 */
@ApplicationModule(allowedDependencies = { "order", "user", "auth", "ratelimit", "webhook", "system :: problem", "system :: web" })
package org.ordersystem.console;

import org.springframework.modulith.ApplicationModule;
