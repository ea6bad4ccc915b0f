package org.ordersystem.webhook;

import java.time.Duration;
import java.util.Set;

import org.ordersystem.system.cache.CacheDeclaration;
import org.ordersystem.system.cache.InvalidationBus;
import org.ordersystem.system.cache.NearCache;
import org.ordersystem.system.data.AfterCommit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event types some active endpoint subscribes to, kept on every replica in a near cache
 * that the invalidation bus keeps coherent: an order write that no endpoint listens to costs
 * no query. A change of the endpoints is announced after its commit, before its answer, so a
 * change answered to an administrator is seen by every replica's next order write. Recording
 * checks the endpoints again, so a type still cached after its last endpoint went away records
 * nothing.
 */
final class Subscriptions {

    static final String NAME = "webhook-subscriptions";
    /** The one entry of the cache. */
    private static final long ALL = 0;

    private final NearCache<Types> cache;
    private final JdbcClient jdbc;

    /** The subscribed types, as the near cache holds them. */
    record Types(Set<String> names) {
    }

    Subscriptions(InvalidationBus bus, JdbcClient jdbc) {
        this.cache = bus.nearCache(new CacheDeclaration(NAME, Types.class, Duration.ofMinutes(1), 1));
        this.jdbc = jdbc;
    }

    boolean includes(String type) {
        return cache.get(ALL, unused -> new Types(Set.copyOf(jdbc.sql(
                "select distinct unnest(events) from webhook_endpoints where active").query(String.class).list())))
                .names().contains(type);
    }

    /** The endpoints changed in this transaction: every replica reads them again once it commits. */
    void changedAfterCommit() {
        AfterCommit.run(() -> cache.changed(ALL));
    }
}
