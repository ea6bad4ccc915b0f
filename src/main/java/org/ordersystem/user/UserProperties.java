package org.ordersystem.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the user module, under the documented {@code order.cache.*} tuning knobs.
 *
 * @param userStatusTtl how long a user's cached account state lives; it bounds how long
 *        another replica may accept an ended session's tokens when Redis missed the eviction
 */
@ConfigurationProperties("order.cache")
record UserProperties(@DefaultValue("1m") Duration userStatusTtl) {
}
