package org.ordersystem.system.data;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The database the service runs on, beyond Spring's own {@code spring.datasource.*}.
 *
 * @param embedded no DATABASE_URL: a PostgreSQL of the service's own (development only)
 * @param embeddedDirectory where the embedded PostgreSQL keeps its data between runs
 * @param replica the streaming replica read-only transactions go to ({@code order.database.replica.*})
 */
@ConfigurationProperties("order.database")
public record DatabaseProperties(boolean embedded, @DefaultValue("data/postgres") Path embeddedDirectory,
        @DefaultValue Replica replica) implements Validator {

    /**
     * A PostgreSQL hot standby of the primary (DATABASE_REPLICA_URL).
     *
     * @param url its JDBC URL; none: every transaction goes to the primary
     * @param maxLag DATABASE_REPLICA_MAX_LAG: a replica further behind is not read from
     * @param poolSize DATABASE_REPLICA_POOL_SIZE: its own connection pool's size
     */
    public record Replica(String url, String username, String password, @DefaultValue("5s") Duration maxLag,
            @DefaultValue("10") int poolSize) {

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

    @Override
    public boolean supports(Class<?> type) {
        return DatabaseProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (replica.maxLag().isNegative() || replica.maxLag().isZero()) {
            errors.rejectValue("replica.maxLag", "positive", "must be a positive duration such as 5s");
        }
        if (replica.poolSize() < 1 || replica.poolSize() > 1000) {
            errors.rejectValue("replica.poolSize", "range", "must be between 1 and 1000");
        }
    }
}
