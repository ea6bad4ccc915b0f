package org.ordersystem.system.data;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The database the service runs on, beyond Spring's own {@code spring.datasource.*}.
 *
 * @param embedded no DATABASE_URL: a PostgreSQL of the service's own (development only)
 * @param embeddedDirectory where the embedded PostgreSQL keeps its data between runs
 * @param replica the streaming replica read-only transactions go to ({@code order.database.replica.*})
 */
@ConfigurationProperties("order.database")
@Validated
public record DatabaseProperties(boolean embedded, @DefaultValue("data/postgres") Path embeddedDirectory,
        @DefaultValue @Valid Replica replica) {

    /**
     * A PostgreSQL hot standby of the primary (DATABASE_REPLICA_URL).
     *
     * @param url its JDBC URL; none: every transaction goes to the primary
     * @param maxLag DATABASE_REPLICA_MAX_LAG: a replica further behind is not read from
     * @param poolSize DATABASE_REPLICA_POOL_SIZE: its own connection pool's size
     */
    public record Replica(String url, String username, String password,
            @DefaultValue("5s") @DurationMin(millis = 1) Duration maxLag,
            @DefaultValue("10") @Min(1) @Max(1000) int poolSize) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }

        /** How long a caller's last write keeps their reads on the primary, at most. */
        public Duration writeMemory() {
            return maxLag.multipliedBy(2).plusSeconds(1);
        }

        @Override
        public String toString() {
            return "Replica[url=" + url + ", maxLag=" + maxLag + ", poolSize=" + poolSize + "]";
        }
    }
}
