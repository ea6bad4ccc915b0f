package org.ordersystem.system.web;

import java.util.Map;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The framework ceiling for the benchmark: the same filters and JSON writing as the API,
 * but no authentication, database or Redis. Exists only in the benchmark's profile
 * ({@code bench}, set by bench/run.sh). A registrar rather than {@code @Profile}: it decides
 * at start, also when the context comes from ahead-of-time bean definitions, whose profile
 * conditions were settled at build time.
 */
class TrivialEndpoint implements BeanRegistrar {

    private static final Map<String, Object> PONG = Map.of("pong", true);

    @Override
    public void register(BeanRegistry registry, Environment environment) {
        if (environment.matchesProfiles("bench")) {
            registry.registerBean("trivialEndpoint", RouterFunction.class, spec -> spec.supplier(context ->
                    RouterFunctions.route().GET("/bench/trivial", request -> ServerResponse.ok()
                            .contentType(MediaType.APPLICATION_JSON).body(PONG)).build()));
        }
    }
}
