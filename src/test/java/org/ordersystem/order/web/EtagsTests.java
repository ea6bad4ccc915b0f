package org.ordersystem.order.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EtagsTests {

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
}
