package org.ordersystem.system.web;

import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The framework ceiling for the benchmark: the same filters and JSON writing as the API,
 * but no authentication, database or Redis. Exists only in the benchmark's profile
 * ({@code bench}, set by bench/run.sh).
 */
@RestController
@Profile("bench")
class TrivialEndpoint {

    private static final Map<String, Object> PONG = Map.of("pong", true);

    @GetMapping("/bench/trivial")
    Map<String, Object> trivial() {
        return PONG;
    }
}
