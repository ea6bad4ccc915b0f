package org.ordersystem.system.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The UTC clock every module reads time from, and scheduled housekeeping. It ticks in
 * microseconds, PostgreSQL's precision: a time in a write's answer is the one a later read
 * of the stored row shows, not a nanosecond value the database then rounds.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
