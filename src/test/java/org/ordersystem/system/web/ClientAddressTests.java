package org.ordersystem.system.web;


import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressTests {

    static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void ignoresForwardedForFromUntrustedPeers() {
        ClientAddress addresses = new ClientAddress("");

        assertThat(addresses.of(request("203.0.113.9", "1.2.3.4"))).isEqualTo("203.0.113.9");
    }

    @Test
    void takesTheRightMostUntrustedHopBehindTrustedProxies() {
        ClientAddress addresses = new ClientAddress("10.0.0.0/8, 192.168.1.1");

        assertThat(addresses.of(request("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.9.9.9"))).isEqualTo("198.51.100.7");
        assertThat(addresses.of(request("192.168.1.1", "198.51.100.8"))).isEqualTo("198.51.100.8");
        assertThat(addresses.of(request("192.168.1.2", "198.51.100.8"))).isEqualTo("192.168.1.2");
    }

    @Test
    void forgedOrGarbledHeadersFallBackToThePeer() {
        ClientAddress addresses = new ClientAddress("10.0.0.0/8");

        assertThat(addresses.of(request("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(addresses.of(request("10.1.2.3", ""))).isEqualTo("10.1.2.3");
    }

    @Test
    void understandsIpv6Blocks() {
        ClientAddress addresses = new ClientAddress("::1/128, fd00::/8");

        assertThat(addresses.of(request("0:0:0:0:0:0:0:1", "2001:db8::5"))).isEqualTo("2001:db8::5");
        assertThat(addresses.of(request("fd12::1", "2001:db8::6"))).isEqualTo("2001:db8::6");
    }

    @Test
    void tellsWhetherAPeerIsATrustedProxy() {
        ClientAddress addresses = new ClientAddress("10.0.0.0/8, ::1/128");

        assertThat(addresses.isTrustedProxy("10.200.0.1")).isTrue();
        assertThat(addresses.isTrustedProxy("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(addresses.isTrustedProxy("11.0.0.1")).isFalse();
        assertThat(addresses.isTrustedProxy("localhost")).isFalse();
        assertThat(addresses.isTrustedProxy(null)).isFalse();
        assertThat(new ClientAddress("").isTrustedProxy("127.0.0.1")).isFalse();
    }

    @Test
    void refusesMalformedBlocks() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddress("10.0.0.0/33"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddress("proxy.internal"));
    }
}
