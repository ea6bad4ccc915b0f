package org.ordersystem.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ordersystem.order.OrderSnapshot;
import org.ordersystem.order.OrderStatus;

import static org.assertj.core.api.Assertions.assertThat;

class EtagsTests {

    @Test
    void anOrdersEtagIsItsQuotedVersion() {
        assertThat(Etags.of(version(7))).isEqualTo("\"7\"");
    }

    @Test
    void ifMatchNamesAVersionOrNothing() {
        assertThat(Etags.expectedVersion(null)).isNull();
        assertThat(Etags.expectedVersion("*")).isNull();
        assertThat(Etags.expectedVersion("\"7\"")).isEqualTo(7L);
        assertThat(Etags.expectedVersion(" \"7\" ")).isEqualTo(7L);
    }

    @Test
    void ifMatchThatCanNeverMatchDemandsAnImpossibleVersion() {
        assertThat(Etags.expectedVersion("garbage")).isEqualTo(-1L);
        assertThat(Etags.expectedVersion("\"1\", \"2\"")).isEqualTo(-1L);
        // If-Match uses the strong comparison: a weak tag never matches
        assertThat(Etags.expectedVersion("W/\"7\"")).isEqualTo(-1L);
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsAListOrAWildcard() {
        assertThat(Etags.matches(null, version(7))).isFalse();
        assertThat(Etags.matches("\"7\"", version(7))).isTrue();
        assertThat(Etags.matches("W/\"7\"", version(7))).isTrue();
        assertThat(Etags.matches("\"6\", \"7\"", version(7))).isTrue();
        assertThat(Etags.matches("*", version(7))).isTrue();
        assertThat(Etags.matches("\"6\"", version(7))).isFalse();
    }

    private static OrderSnapshot version(long version) {
        return new OrderSnapshot(1, 2, OrderStatus.PENDING, "USD", List.of(), BigDecimal.ZERO, null, Instant.EPOCH,
                Instant.EPOCH, version, false);
    }
}
