package org.ordersystem.auth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TokenProperties.class, AdminProperties.class, PasswordResetProperties.class })
class AuthConfiguration {
}
