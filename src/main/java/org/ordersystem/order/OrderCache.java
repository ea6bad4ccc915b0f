package org.ordersystem.order;

import java.util.function.LongFunction;

import org.ordersystem.system.cache.CacheDeclaration;
import org.ordersystem.system.cache.InvalidationBus;
import org.ordersystem.system.cache.NearCache;
import org.ordersystem.system.cache.ResilientCache;
import org.ordersystem.system.cache.ResilientCaches;
import org.ordersystem.system.data.AfterCommit;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Single orders by id, for the GET path: a near cache in process in front of the shared one.
 * Reads fill the shared cache only where it is empty ({@code putIfAbsent}); writes store their
 * snapshot after their commit unless the entry holds a newer version or the deletion (their
 * after-commit work may run in the other order than the commits), and then drop every
 * replica's near copy. So neither a read that loaded the order before a concurrent write
 * committed nor an older write can replace the newer entry, and no replica serves a stale
 * order after a successful write through another.
 */
@Component
class OrderCache {

    static final String NAME = "orders";

    private final ResilientCache shared;
    private final NearCache<OrderSnapshot> near;

    OrderCache(ResilientCaches caches, InvalidationBus bus,
            @Qualifier("ordersCacheDeclaration") CacheDeclaration declaration) {
        this.shared = caches.named(NAME);
        this.near = bus.nearCache(declaration);
    }

    /** The order from a cache, or from {@code loader} (the database), which may throw when there is none. */
    OrderSnapshot get(long id, LongFunction<OrderSnapshot> loader) {
        return near.get(id, key -> {
            OrderSnapshot cached = shared.get(key, OrderSnapshot.class);
            if (cached != null) {
                return cached;
            }
            OrderSnapshot loaded = loader.apply(key);
            shared.putIfAbsent(key, loaded);
            return loaded;
        });
    }

    /** A new order: no replica can hold a near copy of an id that did not exist, so none is dropped. */
    void placedAfterCommit(OrderSnapshot snapshot) {
        AfterCommit.run(() -> shared.putNewer(snapshot.id(), snapshot));
    }

    void writtenAfterCommit(OrderSnapshot snapshot) {
        AfterCommit.run(() -> {
            shared.putNewer(snapshot.id(), snapshot);
            near.changed(snapshot.id());
        });
    }

    void deletedAfterCommit(long id) {
        AfterCommit.run(() -> {
            shared.putNewer(id, OrderSnapshot.tombstone(id));
            near.changed(id);
        });
    }
}
