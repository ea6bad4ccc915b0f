package org.ordersystem.console;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's static files, and nothing else: the service serves no static content in
 * general (see application.yml), so only these two prefixes are looked up on the classpath.
 * WebJars are addressed without their version (webjars-locator-lite).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResources implements WebMvcConfigurer {

    private static final CacheControl ONE_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/**").addResourceLocations("classpath:/static/console/")
                .setCacheControl(ONE_HOUR);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(ONE_HOUR).resourceChain(true);
    }
}
