package org.ordersystem.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code CONSOLE_ENABLED}: whether {@code /ui} answers at all. */
@ConfigurationProperties("order.console")
record ConsoleProperties(@DefaultValue("true") boolean enabled) {
}
