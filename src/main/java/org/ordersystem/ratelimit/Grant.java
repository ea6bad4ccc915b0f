package org.ordersystem.ratelimit;

/**
 * What the shared buckets gave a replica: {@code taken} tokens (none when refused), and the
 * figures of the most constraining limit once they were taken.
 */
record Grant(long taken, long limit, long remaining, long resetMillis, long retryAfterMillis) {

    /** The answer for a request that takes one token of this grant, with {@code unused} more left in it. */
    Decision decision(long unused) {
        return new Decision(taken > 0, limit, remaining + unused, seconds(resetMillis),
                taken > 0 ? 0 : seconds(retryAfterMillis));
    }

    /** The answer for a refused request while the refusal still holds for {@code retryAfterMillis}. */
    Decision refusal(long retryAfterMillis) {
        return new Decision(false, limit, 0, seconds(resetMillis), Math.max(1, seconds(retryAfterMillis)));
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
