package org.ordersystem.order.web;

import java.util.Locale;

import org.ordersystem.order.OrderStatus;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class OrderWebConfiguration implements WebMvcConfigurer {

    /** The listing's {@code status} filter has always accepted any case ({@code ?status=pending}). */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, OrderStatus.class,
                text -> text.isBlank() ? null : OrderStatus.valueOf(text.strip().toUpperCase(Locale.ROOT)));
    }
}
