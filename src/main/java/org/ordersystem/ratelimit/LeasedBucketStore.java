package org.ordersystem.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * This replica's share of the buckets in Redis. It takes several tokens of a subject at once
 * (a lease) and answers that subject's next requests from them, so a busy client costs one
 * round trip per lease, not per request. A lease is sized by what the subject used of the
 * previous one (twice that, starting at one token), and is at most a twentieth of what the
 * buckets still hold and at most {@link #MAX_LEASE} tokens; tokens not used within
 * {@link #LEASE_TIME} are dropped, not returned. So no client is ever allowed more than its
 * limit across all replicas, and one may be refused early by at most what the other
 * replicas' leases hold (README, "Rate limits"); near the limit every request is counted in
 * Redis again. A refusal is remembered until the bucket has refilled a token: a client over
 * its limit costs no round trip either.
 */
class LeasedBucketStore implements BucketStore {

    static final long MAX_LEASE = 1_000;
    static final long SHARE = 20;
    static final Duration LEASE_TIME = Duration.ofSeconds(5);
    private static final int MAX_SUBJECTS = 100_000;

    private final RedisBucketStore shared;
    private final Cache<String, Lease> leases = Caffeine.newBuilder().maximumSize(MAX_SUBJECTS)
            .expireAfterAccess(Duration.ofMinutes(1)).build();

    LeasedBucketStore(RedisBucketStore shared) {
        this.shared = shared;
    }

    @Override
    public Decision take(String subject, List<Rate> rates) {
        Lease lease = leases.get(subject, key -> new Lease());
        lease.lock.lock();
        try {
            return lease.take(subject, rates);
        }
        finally {
            lease.lock.unlock();
        }
    }

    /** One subject's tokens on this replica; used under its lock. */
    private final class Lease {

        private final ReentrantLock lock = new ReentrantLock();
        private Grant grant;
        private long unused;
        /** Until when (nanoTime) the unused tokens, or the refusal, hold. */
        private long until;

        Decision take(String subject, List<Rate> rates) {
            long now = System.nanoTime();
            if (grant != null && now - until < 0) {
                if (unused > 0) {
                    unused--;
                    return grant.decision(unused);
                }
                if (grant.taken() == 0) {
                    return grant.refusal((until - now) / 1_000_000);
                }
            }
            grant = shared.grant(subject, rates, wanted());
            if (grant.taken() > 0) {
                unused = grant.taken() - 1;
                until = now + LEASE_TIME.toNanos();
                return grant.decision(unused);
            }
            unused = 0;
            until = now + grant.retryAfterMillis() * 1_000_000;
            return grant.decision(0);
        }

        /** Twice what the previous lease served, within the caps; one token at first and after a refusal. */
        private long wanted() {
            if (grant == null || grant.taken() == 0) {
                return 1;
            }
            long used = grant.taken() - unused;
            return Math.max(1, Math.min(Math.min(MAX_LEASE, grant.remaining() / SHARE), 2 * used));
        }
    }
}
