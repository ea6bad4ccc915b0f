package org.ordersystem.system.data;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Where each caller's last committed write ends in the primary's WAL, so that their reads stay
 * on the primary until the replica has replayed past it. Kept in process and, with Redis, in
 * Redis before the write's response leaves, so every replica of the service honours it; each
 * position is forgotten after {@code memory} (by then a replica that is still read from has
 * replayed it: it is never more than the lag bound behind).
 */
final class WritePositions {

    static final String KEY_PREFIX = "order-backend:v1:wal-position:";
    private static final Logger log = LoggerFactory.getLogger(WritePositions.class);

    private record Position(long lsn, Instant expires) {
    }

    private final Map<String, Position> local = new ConcurrentHashMap<>();
    private final StringRedisTemplate redis;
    private final Duration memory;
    private final Clock clock;
    /** Until then a write of this process may be missing from Redis: its callers read from the primary. */
    private volatile Instant unsureUntil = Instant.MIN;

    /** @param redis null without Redis: one process, positions in process only */
    WritePositions(StringRedisTemplate redis, Duration memory, Clock clock) {
        this.redis = redis;
        this.memory = memory;
        this.clock = clock;
    }

    void record(String caller, long lsn) {
        Instant now = clock.instant();
        local.merge(caller, new Position(lsn, now.plus(memory)),
                (old, fresh) -> old.lsn() > fresh.lsn() ? new Position(old.lsn(), fresh.expires()) : fresh);
        if (redis == null) {
            return;
        }
        try {
            // a later write always has a higher position; a concurrent older one may land last,
            // which only keeps this caller on the primary for longer
            redis.opsForValue().set(KEY_PREFIX + caller, Long.toString(lsn), memory);
        }
        catch (RuntimeException ex) {
            if (unsureUntil.isBefore(now)) {
                log.warn("Redis unavailable for read-your-writes positions: reads go to the primary for {} "
                        + "({})", memory, ex.toString());
            }
            unsureUntil = now.plus(memory);
        }
    }

    /** True when the caller wrote something the replica (replayed up to {@code replayed}) may not have yet. */
    boolean ahead(String caller, long replayed) {
        Instant now = clock.instant();
        if (now.isBefore(unsureUntil)) {
            return true;
        }
        Position position = local.get(caller);
        if (position != null) {
            if (position.expires().isBefore(now)) {
                local.remove(caller, position);
            }
            else if (position.lsn() > replayed) {
                return true;
            }
        }
        if (redis == null) {
            return false;
        }
        try {
            String shared = redis.opsForValue().get(KEY_PREFIX + caller);
            return shared != null && Long.parseLong(shared) > replayed;
        }
        catch (RuntimeException ex) {
            return true; // cannot tell: the primary is always fresh
        }
    }

    /** Drops expired positions (called by the replica's watcher). */
    void prune() {
        Instant now = clock.instant();
        local.values().removeIf(position -> position.expires().isBefore(now));
    }
}
