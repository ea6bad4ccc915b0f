package org.ordersystem.system.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
@Import(TrivialEndpoint.class)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    ClientAddress clientAddress(WebProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestContextInterceptor());
    }
}
