package org.ordersystem.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the user module, under the documented {@code order.cache.*} tuning knobs.
 *
 * @param userStatusTtl how long a replica keeps a user's account state (at most 30 s, the near
 *        caches' bound); it bounds how long a replica cut off from Redis while the others
 *        reach it may accept an ended session's tokens
 */
@ConfigurationProperties("order.cache")
record UserProperties(@DefaultValue("1m") Duration userStatusTtl) {
}
