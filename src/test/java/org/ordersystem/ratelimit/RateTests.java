package org.ordersystem.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateTests {

    @Test
    void parsesOneRate() {
        assertThat(Rate.valueOf("100/hour")).isEqualTo(new Rate(100, Duration.ofHours(1)));
        assertThat(Rate.valueOf(" 10 / Second ")).isEqualTo(new Rate(10, Duration.ofSeconds(1)));
        assertThat(Rate.valueOf("5000/day")).isEqualTo(new Rate(5000, Duration.ofDays(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "lots", "", "100", "100/week", "0/hour", "-1/hour", "100/hour;", "1.5/second",
            "100 per hour", "9999999999/hour" })
    void refusesAnythingElse(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Rate.valueOf(text));
    }
}
