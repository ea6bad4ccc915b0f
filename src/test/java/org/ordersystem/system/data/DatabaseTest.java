package org.ordersystem.system.data;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ordersystem.support.WithTestServices;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/**
 * The JDBC slice on the real PostgreSQL of the test services (not an embedded stand-in):
 * the data source as DATABASE_URL configures it and the schema as Flyway migrates it, with
 * this package's migration settings and no other application bean. Each test runs in a
 * transaction that is rolled back. One cached context for every class that uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@WithTestServices
@Import(MigrationWithoutSocketTimeout.class)
@interface DatabaseTest {
}
