package org.ordersystem.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ordersystem.support.WithTestServices;
import org.ordersystem.user.UserPorts;

import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The auth module with what it depends on (user, system) and nothing else, on the real
 * PostgreSQL and Redis, with the shared context's administrator settings. One cached context
 * for every class that uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(extraIncludes = { "user", "system" }, verifyAutomatically = false)
@WithTestServices
@TestPropertySource(properties = { "ADMIN_EMAIL=admin@orders.test", "ADMIN_PASSWORD=Admin-Passw0rd!" })
@Import(UserPorts.NoOrders.class)
@interface AuthModuleTest {
}
