package org.ordersystem.ratelimit;

/**
 * The answer for one request: allowed or not, and the figures of the most constraining
 * limit for the RateLimit-* headers (seconds are rounded up).
 */
record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}
