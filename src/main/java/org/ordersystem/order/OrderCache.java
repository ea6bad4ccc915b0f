package org.ordersystem.order;

import java.time.Clock;
import java.util.Optional;

import org.ordersystem.system.data.AfterCommit;
import org.ordersystem.system.cache.ResilientCache;

import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * Single orders by id, for the GET path. Reads fill the cache only where it is empty
 * ({@code putIfAbsent}); writes overwrite it after their commit. So a read that loaded
 * the order before a concurrent write committed can never replace the newer entry, and
 * no replica serves a stale order after a successful write through another.
 */
@Component
class OrderCache {

    static final String NAME = "orders";

    private final ResilientCache cache;

    OrderCache(CacheManager manager, Clock clock) {
        this.cache = new ResilientCache(manager, NAME, clock);
    }

    Optional<OrderSnapshot> get(long id) {
        return Optional.ofNullable(cache.get(id, OrderSnapshot.class));
    }

    void fill(OrderSnapshot snapshot) {
        cache.putIfAbsent(snapshot.id(), snapshot);
    }

    void writtenAfterCommit(OrderSnapshot snapshot) {
        AfterCommit.run(() -> cache.put(snapshot.id(), snapshot));
    }

    void deletedAfterCommit(long id) {
        AfterCommit.run(() -> cache.put(id, OrderSnapshot.tombstone(id)));
    }
}
