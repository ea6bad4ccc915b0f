package org.ordersystem.system.data;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database the service runs on, beyond Spring's own {@code spring.datasource.*}.
 *
 * @param embedded no DATABASE_URL: a PostgreSQL of the service's own (development only)
 * @param embeddedDirectory where the embedded PostgreSQL keeps its data between runs
 */
@ConfigurationProperties("order.database")
public record DatabaseProperties(boolean embedded, @DefaultValue("data/postgres") Path embeddedDirectory) {
}
