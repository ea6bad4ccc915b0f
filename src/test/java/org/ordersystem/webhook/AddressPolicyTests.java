package org.ordersystem.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every range the SSRF guard refuses, and public addresses it lets through. */
class AddressPolicyTests {

    private final AddressPolicy strict = new AddressPolicy(false);
    private final AddressPolicy relaxed = new AddressPolicy(true);

    @ParameterizedTest
    @ValueSource(strings = { "0.0.0.0", "0.1.2.3", "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255",
            "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.254", "169.254.0.1",
            "169.254.169.254", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "192.0.0.8",
            "192.0.2.1", "198.18.0.1", "198.51.100.7", "203.0.113.9", "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1",
            "fd00:ec2::254", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "::127.0.0.1",
            "64:ff9b::a00:1", "2002:a00:1::1", "2001:0:4136:e378::1", "2001:db8::1", "fec0::1" })
    void refusesEveryNonPublicAddress(String address) throws UnknownHostException {
        assertThat(strict.refusal(InetAddress.getByName(address))).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1.1.1.1", "8.8.8.8", "93.184.216.34", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "192.169.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e" })
    void allowsPublicAddresses(String address) throws UnknownHostException {
        assertThat(strict.refusal(InetAddress.getByName(address))).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "10.0.0.1", "192.168.1.1", "::1", "fd12:3456::1" })
    void privateNetworksMayBeAllowedForDevelopment(String address) throws UnknownHostException {
        assertThat(relaxed.refusal(InetAddress.getByName(address))).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "169.254.169.254", "fd00:ec2::254", "::ffff:169.254.169.254" })
    void metadataAddressesAreRefusedEvenThen(String address) throws UnknownHostException {
        assertThat(relaxed.refusal(InetAddress.getByName(address))).as(address).hasValue("is a cloud metadata address");
    }
}
