package org.ordersystem.webhook;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The URL rules at registration, and the address rule applied to each resolution. */
class UrlGuardTests {

    /** Resolves every name to one public address, as DNS would for a real receiver. */
    private static final HostResolver PUBLIC = host -> new InetAddress[] { InetAddress.getByName("93.184.216.34") };

    private final UrlGuard strict = new UrlGuard(PUBLIC, false, false);

    @Test
    void acceptsAnHttpsUrlThatResolvesToPublicAddresses() {
        assertThat(strict.check("https://hooks.example.com:8443/orders?tenant=1").toString())
                .isEqualTo("https://hooks.example.com:8443/orders?tenant=1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://hooks.example.com/orders", "ftp://hooks.example.com/", "hooks.example.com/x",
            "https://user:secret@hooks.example.com/", "https://token@hooks.example.com/", "https:///path",
            "https://hooks.example.com/#frag", "https://exa mple.com/", "" })
    void refusesUrlsThatAreNotPlainHttpsWithoutCredentials(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(WebhookUrlRejected.class);
    }

    @Test
    void refusesAVeryLongUrl() {
        assertThatThrownBy(() -> strict.check("https://hooks.example.com/" + "a".repeat(2100)))
                .isInstanceOf(WebhookUrlRejected.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://127.0.0.1/", "https://[::1]/", "https://localhost/", "https://10.0.0.8/",
            "https://169.254.169.254/latest/meta-data/", "https://[::ffff:192.168.0.1]/", "https://0.0.0.0/" })
    void refusesHostsThatResolveToNonPublicAddresses(String url) {
        UrlGuard systemDns = new UrlGuard(HostResolver.SYSTEM, false, false);

        assertThatThrownBy(() -> systemDns.check(url)).isInstanceOf(WebhookUrlRejected.class)
                .satisfies(ex -> assertThat(((WebhookUrlRejected) ex).code())
                        .isEqualTo(WebhookErrorCode.WEBHOOK_URL_REJECTED));
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsPrivate() {
        UrlGuard guard = new UrlGuard(host -> new InetAddress[] { InetAddress.getByName("93.184.216.34"),
            InetAddress.getByName("10.0.0.1") }, false, false);

        assertThatThrownBy(() -> guard.check("https://mixed.example.com/")).isInstanceOf(WebhookUrlRejected.class)
                .hasMessageContaining("private");
    }

    @Test
    void checksTheAnswerOfEveryResolutionSoARebindingIsCaughtAtDelivery() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        UrlGuard guard = new UrlGuard(host -> new InetAddress[] { InetAddress.getByName(lookups.incrementAndGet() == 1
                ? "93.184.216.34" : "127.0.0.1") }, false, false);

        guard.check("https://rebinding.example.com/");

        assertThatThrownBy(() -> guard.resolve("rebinding.example.com")).isInstanceOf(AddressRefused.class)
                .hasMessage("resolves to a loopback address");
    }

    @Test
    void theDevelopmentRelaxationsAllowHttpAndLoopback() {
        UrlGuard relaxed = new UrlGuard(HostResolver.SYSTEM, true, true);

        assertThat(relaxed.check("http://127.0.0.1:8080/hook").toString()).isEqualTo("http://127.0.0.1:8080/hook");
        assertThatThrownBy(() -> relaxed.check("http://169.254.169.254/")).isInstanceOf(WebhookUrlRejected.class);
        assertThatThrownBy(() -> new UrlGuard(HostResolver.SYSTEM, true, false).check("http://127.0.0.1/"))
                .isInstanceOf(WebhookUrlRejected.class);
    }
}
