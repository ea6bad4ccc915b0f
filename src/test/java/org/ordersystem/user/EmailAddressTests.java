package org.ordersystem.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressTests {

    @Test
    void trimsAndLowerCases() {
        assertThat(EmailAddress.normalize("  Alice.Smith+Orders@Example.COM \t")).isEqualTo("alice.smith+orders@example.com");
        assertThat(EmailAddress.canonical(" Bob@Example.org ")).isEqualTo("bob@example.org");
    }

    @Test
    void acceptsRfcDotAtomAddresses() {
        for (String valid : new String[] { "a@b.co", "first.last@sub.domain.example", "o'brien@example.ie",
                "x_y-z!#$%&*/=?^`{|}~@example.com", "user@xn--p1ai.xn--p1ai", "1@123.example" }) {
            assertThat(EmailAddress.normalize(valid)).as(valid).isEqualTo(valid);
        }
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        for (String invalid : new String[] { "", "   ", "plain", "@example.com", "user@", "user@localhost",
                "a..b@example.com", ".a@example.com", "a.@example.com", "a b@example.com", "a@exa mple.com",
                "a@-example.com", "a@example-.com", "a@example..com", "a@example.com.", "\"quoted\"@example.com",
                "a@[127.0.0.1]", "jöran@example.com", "a@b@example.com", "user@example.c0m1" + "\u0000" }) {
            assertThatThrownBy(() -> EmailAddress.normalize(invalid)).as(invalid).isInstanceOf(InvalidEmailAddress.class);
        }
        assertThatThrownBy(() -> EmailAddress.normalize(null)).isInstanceOf(InvalidEmailAddress.class);
    }

    @Test
    void limitsTheLengthTo254AndTheLocalPartTo64() {
        String domain = "@" + "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + "." + "g".repeat(8) + ".com";
        String local64 = "l".repeat(64);
        String longest = local64 + domain.substring(0, 254 - 64 - 4) + ".com";

        assertThat(longest).hasSize(254);
        assertThat(EmailAddress.normalize(longest)).isEqualTo(longest);
        assertThatThrownBy(() -> EmailAddress.normalize("l" + longest)).isInstanceOf(InvalidEmailAddress.class);
        assertThatThrownBy(() -> EmailAddress.normalize("l".repeat(65) + "@example.com"))
                .isInstanceOf(InvalidEmailAddress.class);
    }
}
