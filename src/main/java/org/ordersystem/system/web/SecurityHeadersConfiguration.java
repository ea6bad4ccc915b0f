package org.ordersystem.system.web;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The security headers on every response, including those refused before Spring Security's
 * chain runs (bad path, oversized body, metrics token, admission): nosniff, no framing, no
 * referrer, no caching unless the response says otherwise, and HSTS on HTTPS requests.
 * The security filter chains therefore leave header writing to this one filter.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeadersConfiguration {

    private static final long ONE_YEAR = 31_536_000;

    @Bean
    FilterRegistrationBean<HeaderWriterFilter> securityHeaders() {
        HstsHeaderWriter hsts = new HstsHeaderWriter(ONE_YEAR, true);
        FilterRegistrationBean<HeaderWriterFilter> registration = new FilterRegistrationBean<>(new HeaderWriterFilter(
                List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(),
                        new CacheControlHeadersWriter(), hsts, new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
                        new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER))));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
