package org.ordersystem.system.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * The security headers on every response, including those refused before Spring Security's
 * chain runs (bad path, oversized body, metrics token, admission): nosniff, no framing, no
 * referrer, no caching unless the response says otherwise, and HSTS on HTTPS requests.
 * The security filter chains therefore leave header writing to this one filter.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeadersConfiguration {

    @Bean
    FilterRegistrationBean<HeaderWriterFilter> securityHeaders() {
        FilterRegistrationBean<HeaderWriterFilter> registration = new FilterRegistrationBean<>(
                new HeaderWriterFilter(SecurityHeaders.WRITERS));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
