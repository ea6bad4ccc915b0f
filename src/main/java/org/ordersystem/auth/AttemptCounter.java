package org.ordersystem.auth;

import java.time.Duration;

/** An attempt counter's value and what remains of its window. */
record AttemptCounter(long count, Duration remaining) {
}
