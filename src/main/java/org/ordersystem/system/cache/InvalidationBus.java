package org.ordersystem.system.cache;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Keeps the {@link NearCache}s of all replicas coherent through Redis pub/sub.
 * <p>
 * <b>Leases.</b> A replica serves from its near caches only under a lease of {@link #LEASE},
 * renewed by heartbeats it publishes every {@link #HEARTBEAT} on the channel that also carries
 * the invalidations, and receives back through its subscription. Redis delivers a subscriber's
 * messages in the order it accepted them, so a replica that has not yet seen an invalidation
 * holds at most a lease that ends within {@link #LEASE} of it being published. A replica whose
 * lease lapsed (Redis away, its subscription broken, the replica stalled) reads past its near
 * caches, and empties them before it takes a new lease, which it does only after a probation
 * of {@link #PROBATION}, so that every other replica has heard its heartbeats first.
 * <p>
 * <b>Writes.</b> A replica that changed a value publishes an invalidation and returns (and so
 * lets the change's response go) once every replica it has heard from within a lease has
 * acknowledged it, or can no longer hold a lease from before it. So, once a response has been
 * sent, no replica answers with the old value. When Redis is unreachable the change cannot be
 * announced and the writer does not wait: the other replicas renew no lease either, so they
 * answer with the old value for at most {@link #LEASE} after the outage began (the design's
 * bounded staleness under Redis loss). Only a replica cut off from a Redis that the others
 * still reach can leave them serving an old value for longer, until the near entry expires
 * ({@link NearCache#MAX_AGE}).
 */
public final class InvalidationBus implements SmartLifecycle {

    static final Duration LEASE = Duration.ofSeconds(1);
    static final Duration HEARTBEAT = Duration.ofMillis(200);
    /** Three heartbeats: how fresh this replica's view of the others must be to trust it. */
    static final Duration PROBATION = HEARTBEAT.multipliedBy(3);
    private static final String PREFIX = "order-backend:near:v1:";
    private static final String CHANNEL = PREFIX + "bus";
    private static final Logger log = LoggerFactory.getLogger(InvalidationBus.class);

    private final RedisConnectionFactory connections;
    private final StringRedisTemplate redis;
    /** The caches are in this process alone: near caches serve, and a change only drops the local copy. */
    private final boolean local;
    private final MeterRegistry meters;
    private final String id = UUID.randomUUID().toString();
    private final String acks = PREFIX + "ack:" + id;
    private final Map<String, NearCache<?>> caches = new ConcurrentHashMap<>();
    /** The other replicas, by id: when this one last received a heartbeat of theirs (nanoTime). */
    private final Map<String, Long> peers = new ConcurrentHashMap<>();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final OutageLog outage;
    private final Counter lapses;
    private final Counter waits;
    private final Counter unannounced;
    private volatile long leaseEnds = System.nanoTime();
    /** When this replica last received its own heartbeat: it has heard everything published before. */
    private volatile long heardUpTo = System.nanoTime() - LEASE.toNanos();
    /** No lease from heartbeats sent before this: set when a lapsed lease is to be taken again. */
    private volatile long probationEnds;
    private volatile boolean inProbation;
    private volatile boolean failing;
    private volatile boolean running;
    private boolean leased;
    private ScheduledExecutorService worker;
    private RedisConnection subscription;

    private InvalidationBus(RedisConnectionFactory connections, StringRedisTemplate redis, boolean local,
            MeterRegistry meters, Clock clock) {
        this.connections = connections;
        this.redis = redis;
        this.local = local;
        this.meters = meters;
        this.outage = new OutageLog(log, "near caches' invalidations", clock, Duration.ZERO);
        this.lapses = Counter.builder("cache.near.lease.lapses")
                .description("Times this replica stopped serving its near caches: its heartbeat did not come back in time")
                .register(meters);
        this.waits = Counter.builder("cache.near.invalidation.waits")
                .description("Changes whose response waited for another replica's lease to end, not for its acknowledgement")
                .register(meters);
        this.unannounced = Counter.builder("cache.near.invalidations.unannounced")
                .description("Changes that could not be announced (Redis away); other replicas stop serving within a lease")
                .register(meters);
    }

    /** With the caches in Redis: near caches on, kept coherent through it. */
    static InvalidationBus on(RedisConnectionFactory connections, StringRedisTemplate redis, MeterRegistry meters,
            Clock clock) {
        return new InvalidationBus(connections, redis, false, meters, clock);
    }

    /** For caches in this process (CACHE_TYPE=simple, one replica): near caches answer, nothing is announced. */
    public static InvalidationBus local(MeterRegistry meters, Clock clock) {
        return new InvalidationBus(null, null, true, meters, clock);
    }

    /** No caching (CACHE_TYPE=none): near caches are off. */
    public static InvalidationBus off(MeterRegistry meters, Clock clock) {
        return new InvalidationBus(null, null, false, meters, clock);
    }

    /** A near cache in front of the module's shared cache of this declaration. */
    public <V> NearCache<V> nearCache(CacheDeclaration declaration) {
        return new NearCache<>(declaration.name(), declaration.timeToLive(), declaration.localSize(), this, meters);
    }

    boolean enabled() {
        return redis != null;
    }

    void register(NearCache<?> cache) {
        if (caches.putIfAbsent(cache.name(), cache) != null) {
            throw new IllegalStateException("two near caches named " + cache.name());
        }
    }

    /** Whether near caches may answer now: in this process alone, or under a current lease. */
    boolean serving() {
        return local || running && System.nanoTime() - leaseEnds < 0;
    }

    /**
     * Tells the other replicas that {@code key} of {@code cache} changed, and returns once none
     * of them can answer with the value from before. The caller has already dropped its own copy.
     */
    void changed(String cache, long key) {
        if (!enabled() || !running) {
            return;
        }
        long started = System.nanoTime();
        // the replicas that may hold a lease: this one heard from them within one
        Set<String> awaited = new HashSet<>();
        peers.forEach((peer, heard) -> {
            if (started - heard < LEASE.toNanos()) {
                awaited.add(peer);
            }
        });
        boolean viewIsFresh = started - heardUpTo <= PROBATION.toNanos();
        if (awaited.isEmpty() && viewIsFresh) {
            return; // no other replica can hold a lease (see onBeat's probation): nobody to tell
        }
        long seq = sequence.incrementAndGet();
        Pending acknowledgements = new Pending();
        pending.put(seq, acknowledgements);
        try {
            if (failing || !publish("i " + id + " " + seq + " " + cache + " " + key)) {
                // Redis is away: the other replicas renew no lease and stop serving within one
                unannounced.increment();
                return;
            }
            long deadline = System.nanoTime() + LEASE.toNanos();
            // a replica that heard the invalidation answers at once; one that did not stops serving
            // within a lease; if this replica's own view is old, there may be others it has not heard of
            boolean acknowledged = acknowledgements.await(awaited, deadline);
            if (!acknowledged || !viewIsFresh) {
                waits.increment();
                sleepUntil(deadline);
            }
        }
        finally {
            pending.remove(seq);
        }
    }

    @Override
    public void start() {
        if (!enabled()) {
            return;
        }
        running = true;
        worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "near-cache-bus");
            thread.setDaemon(true);
            return thread;
        });
        worker.scheduleWithFixedDelay(this::beat, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.shutdownNow();
        }
        closeSubscription();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Subscribes when there is no subscription, then sends a heartbeat carrying the time it was
     * sent. A heartbeat that fails (Redis away, or slower than its timeout under load) only
     * leaves the lease to run out; the outage is logged when the lease has lapsed.
     */
    private void beat() {
        try {
            if (subscription == null || !subscription.isSubscribed()) {
                closeSubscription();
                subscription = connections.getConnection();
                subscription.subscribe(this::onMessage, bytes(CHANNEL), bytes(acks));
            }
            redis.convertAndSend(CHANNEL, "b " + id + " " + System.nanoTime());
            failing = false;
            outage.succeeded();
        }
        catch (RuntimeException ex) {
            if (!serving()) {
                outage.failed(ex);
            }
        }
    }

    private boolean publish(String message) {
        try {
            redis.convertAndSend(CHANNEL, message);
            return true;
        }
        catch (RuntimeException ex) {
            failed(ex);
            return false;
        }
    }

    private void failed(RuntimeException ex) {
        failing = true;
        outage.failed(ex);
    }

    /** Lettuce calls this on its event loop, one message at a time, in the order Redis sent them. */
    private void onMessage(Message message, byte[] pattern) {
        String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        try {
            if (channel.equals(acks)) {
                String[] parts = body.split(" ", 2);
                Pending acknowledgements = pending.get(Long.parseLong(parts[0]));
                if (acknowledgements != null) {
                    acknowledgements.acknowledged(parts[1]);
                }
            }
            else if (body.startsWith("b ")) {
                String[] parts = body.split(" ", 3);
                onBeat(parts[1], Long.parseLong(parts[2]));
            }
            else if (body.startsWith("i ")) {
                onInvalidation(body.split(" ", 5));
            }
        }
        catch (RuntimeException ex) {
            log.warn("Ignored a malformed near-cache message on {} ({})", channel, ex.toString());
        }
    }

    private void onInvalidation(String[] parts) {
        String writer = parts[1];
        if (writer.equals(id)) {
            return; // the writer dropped its own copy before it published
        }
        NearCache<?> cache = caches.get(parts[3]);
        if (cache != null) {
            cache.drop(Long.parseLong(parts[4]));
        }
        String seq = parts[2];
        worker.execute(() -> {
            try {
                redis.convertAndSend(PREFIX + "ack:" + writer, seq + " " + id);
            }
            catch (RuntimeException ex) {
                log.debug("Could not acknowledge an invalidation; its writer waits for this replica's lease", ex);
            }
        });
    }

    private void onBeat(String sender, long sentAt) {
        long now = System.nanoTime();
        if (!sender.equals(id)) {
            peers.put(sender, now);
            peers.values().removeIf(heard -> now - heard > LEASE.toNanos() * 60);
            return;
        }
        boolean gap = sentAt - heardUpTo > PROBATION.toNanos();
        heardUpTo = sentAt;
        if (serving()) {
            leaseEnds = Math.max(leaseEnds, sentAt + LEASE.toNanos());
            return;
        }
        if (!inProbation || gap) {
            // invalidations may have been missed while the lease was lapsed; the others hear of
            // this replica before it serves again
            inProbation = true;
            probationEnds = now + PROBATION.toNanos();
            caches.values().forEach(NearCache::dropAll);
            if (leased) {
                lapses.increment();
            }
            return;
        }
        if (sentAt - probationEnds >= 0) {
            caches.values().forEach(NearCache::dropAll);
            inProbation = false;
            leased = true;
            leaseEnds = sentAt + LEASE.toNanos();
        }
    }

    private static void sleepUntil(long deadline) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeSubscription() {
        RedisConnection current = subscription;
        subscription = null;
        if (current != null) {
            try {
                current.close();
            }
            catch (RuntimeException ex) {
                log.debug("Closing the near-cache subscription failed", ex);
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The acknowledgements of one invalidation, by replica id. */
    private static final class Pending {

        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final Semaphore arrivals = new Semaphore(0);

        void acknowledged(String replica) {
            acknowledged.add(replica);
            arrivals.release();
        }

        /** Whether every one of {@code replicas} acknowledged before the deadline (nanoTime). */
        boolean await(Set<String> replicas, long deadline) {
            try {
                while (!acknowledged.containsAll(replicas)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    arrivals.tryAcquire(left, TimeUnit.NANOSECONDS);
                }
                return true;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
