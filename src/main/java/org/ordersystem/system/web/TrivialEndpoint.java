package org.ordersystem.system.web;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The framework ceiling for the benchmark: the same filters and JSON writing as the API,
 * but no authentication, database or Redis. Exists only when the benchmark switches it on
 * ({@code order.bench.trivial-endpoint=true}).
 */
@RestController
@ConditionalOnProperty(name = "order.bench.trivial-endpoint", havingValue = "true")
class TrivialEndpoint {

    private static final Map<String, Object> PONG = Map.of("pong", true);

    @GetMapping("/bench/trivial")
    Map<String, Object> trivial() {
        return PONG;
    }
}
