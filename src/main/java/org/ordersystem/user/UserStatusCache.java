package org.ordersystem.user;

import java.util.Optional;
import java.util.function.LongFunction;

import org.ordersystem.system.cache.CacheDeclaration;
import org.ordersystem.system.cache.InvalidationBus;
import org.ordersystem.system.cache.NearCache;
import org.ordersystem.system.data.AfterCommit;

import org.springframework.stereotype.Component;

/**
 * The per-request status lookup of the caller: a near cache in each replica, filled from
 * PostgreSQL, with no shared tier in Redis. A shared tier would let a read that loaded the
 * status before a change was committed store it after that change's eviction, and every
 * replica would then serve the old status (an active account just deactivated, a session
 * just ended) until it expired; the near cache never keeps a load that a change overtook
 * ({@link NearCache}), and a change is announced to every replica before its response.
 */
@Component
class UserStatusCache {

    static final String NAME = "user-status";

    private final NearCache<UserStatus> near;

    UserStatusCache(InvalidationBus bus, UserProperties properties) {
        this.near = bus.nearCache(new CacheDeclaration(NAME, UserStatus.class, properties.userStatusTtl(), 10_000));
    }

    Optional<UserStatus> get(long id, LongFunction<Optional<UserStatus>> loader) {
        return Optional.ofNullable(near.get(id, key -> loader.apply(key).orElse(null)));
    }

    /** After the commit, so that no reader can keep the old state again; returns once no replica serves it. */
    void evict(long id) {
        AfterCommit.run(() -> near.changed(id));
    }
}
