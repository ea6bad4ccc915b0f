package org.ordersystem.console;

import org.ordersystem.ratelimit.Rate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code CONSOLE_ENABLED}: whether {@code /ui} answers at all; {@code rate-limit}: the requests
 * one person (a signed-in user, else a client address) may make to the pages, per replica,
 * apart from the API's limit.
 */
@ConfigurationProperties("order.console")
record ConsoleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("300/minute") Rate rateLimit) {
}
