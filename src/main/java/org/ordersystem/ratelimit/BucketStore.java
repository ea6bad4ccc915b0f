package org.ordersystem.ratelimit;

import java.util.List;

import org.ordersystem.ratelimit.Rate;

/** Where the token buckets of the subjects live: Redis (shared by replicas) or this process. */
interface BucketStore {

    /** Takes one token from every bucket of {@code subject}, or none if any is empty. */
    Decision take(String subject, List<Rate> rates);
}
