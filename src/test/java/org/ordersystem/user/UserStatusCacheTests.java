package org.ordersystem.user;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.ordersystem.system.cache.InvalidationBus;

import static org.assertj.core.api.Assertions.assertThat;

class UserStatusCacheTests {

    private static final UserStatus ALICE = new UserStatus(7, "alice@orders.test", "Alice", false, true);
    private static final UserStatus ALICE_DEACTIVATED = new UserStatus(7, "alice@orders.test", "Alice", false, false);

    private final AtomicInteger loads = new AtomicInteger();

    /** As with CACHE_TYPE=simple: the near cache in this process alone. */
    static UserStatusCache inProcess() {
        return new UserStatusCache(InvalidationBus.local(new SimpleMeterRegistry(), Clock.systemUTC()),
                new UserProperties(Duration.ofMinutes(1)));
    }

    @Test
    void readsTheDatabaseOncePerUserUntilAChange() {
        UserStatusCache cache = inProcess();

        cache.get(7, this::load);
        cache.get(7, this::load);
        assertThat(loads).hasValue(1);

        cache.evict(7);
        assertThat(cache.get(7, this::load)).contains(ALICE);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aLoadOvertakenByAChangeAnswersItsCallerButIsNotKept() {
        UserStatusCache cache = inProcess();

        // the status was read, then the deactivation committed and evicted before the read finished
        assertThat(cache.get(7, id -> {
            cache.evict(7);
            return Optional.of(ALICE);
        })).contains(ALICE);

        assertThat(cache.get(7, id -> Optional.of(ALICE_DEACTIVATED))).contains(ALICE_DEACTIVATED);
        assertThat(cache.get(7, this::load)).as("the later load was kept").contains(ALICE_DEACTIVATED);
        assertThat(loads).hasValue(0);
    }

    @Test
    void withCachingOffEveryReadLoads() {
        UserStatusCache cache = new UserStatusCache(InvalidationBus.off(new SimpleMeterRegistry(), Clock.systemUTC()),
                new UserProperties(Duration.ofMinutes(1)));

        cache.get(7, this::load);
        cache.get(7, this::load);

        assertThat(loads).hasValue(2);
    }

    private Optional<UserStatus> load(long id) {
        loads.incrementAndGet();
        return Optional.of(ALICE);
    }
}
