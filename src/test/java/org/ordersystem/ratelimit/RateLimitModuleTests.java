package org.ordersystem.ratelimit;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.WithTestServices;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The rate limiter module with system only: it puts itself into whatever security chain
 * the application builds (here Spring Boot's default one, as auth is not there) and limits
 * {@code /api} per client address in the shared Redis, before authorization.
 */
@ApplicationModuleTest(extraIncludes = "system", verifyAutomatically = false)
@WithTestServices
@TestPropertySource(properties = "RATELIMIT_DEFAULT=3/hour")
@AutoConfigureMockMvc
class RateLimitModuleTests {

    private final MockMvc mvc;

    RateLimitModuleTests(MockMvc mvc) {
        this.mvc = mvc;
    }

    @Test
    void refusesAnAddressPastItsLimitWithRetryAfterAndLeavesOtherAddressesAlone() throws Exception {
        String address = documentationAddress();
        for (int remaining = 2; remaining >= 0; remaining--) {
            MvcResult admitted = mvc.perform(get("/api/orders").with(from(address))).andReturn();
            assertThat(admitted.getResponse().getStatus()).isNotEqualTo(429);
            assertThat(admitted.getResponse().getHeader("RateLimit-Limit")).isEqualTo("3");
            assertThat(admitted.getResponse().getHeader("RateLimit-Remaining")).isEqualTo(String.valueOf(remaining));
        }

        MvcResult refused = mvc.perform(get("/api/orders").with(from(address))).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getContentAsString()).contains("RATE_LIMITED");
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 3600L);
        assertThat(mvc.perform(get("/api/orders").with(from(documentationAddress()))).andReturn().getResponse()
                .getStatus()).isNotEqualTo(429);
        assertThat(mvc.perform(get("/health").with(from(address))).andReturn().getResponse()
                .getHeader("RateLimit-Limit")).as("operations paths are not limited").isNull();
    }

    /** A fresh address of the documentation range, so no other test shares its bucket. */
    private static String documentationAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:1::" + Integer.toHexString(random.nextInt(0x10000)) + ":"
                + Integer.toHexString(random.nextInt(0x10000));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
