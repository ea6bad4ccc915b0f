package org.ordersystem.user;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The user module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserProperties.class)
class UserConfiguration {
}
