package org.ordersystem.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which IP addresses a webhook may be sent to: public unicast only, unless private networks
 * are allowed (development and tests). Cloud metadata addresses are refused even then: they
 * hand out credentials and no receiver lives there.
 * <p>
 * IPv6 is allowed only in global unicast (2000::/3), minus the ranges inside it that lead to
 * IPv4 (6to4, Teredo) or nowhere (documentation); an IPv4-mapped address is judged as the IPv4
 * address it maps (Java already turns {@code ::ffff:a.b.c.d} into that address).
 */
final class AddressPolicy {

    private final boolean allowPrivateNetworks;

    AddressPolicy(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Why the address is refused, or empty when a webhook may go there. */
    Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (isMetadata(bytes)) {
            return Optional.of("is a cloud metadata address");
        }
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        String kind = address instanceof Inet4Address ? ipv4Kind(bytes) : ipv6Kind((Inet6Address) address, bytes);
        return kind == null ? Optional.empty() : Optional.of("resolves to a " + kind + " address");
    }

    private static boolean isMetadata(byte[] a) {
        if (a.length == 4) {
            return u(a[0]) == 169 && u(a[1]) == 254 && u(a[2]) == 169 && u(a[3]) == 254;
        }
        // fd00:ec2::254 (AWS over IPv6)
        byte[] aws = { (byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54 };
        return Arrays.equals(a, aws);
    }

    /** The kind of a non-public IPv4 address, or null for a public one. */
    private static String ipv4Kind(byte[] a) {
        int first = u(a[0]);
        int second = u(a[1]);
        if (first == 0) {
            return "unspecified";
        }
        if (first == 127) {
            return "loopback";
        }
        if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
            return "private";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return "shared (CGNAT)";
        }
        if (first == 169 && second == 254) {
            return "link-local";
        }
        if (first >= 224 && first <= 239) {
            return "multicast";
        }
        if (first >= 240) {
            return "reserved";
        }
        if ((first == 192 && second == 0 && (u(a[2]) == 0 || u(a[2]) == 2)) || (first == 198 && (second == 18
                || second == 19 || (second == 51 && u(a[2]) == 100))) || (first == 203 && second == 0
                && u(a[2]) == 113)) {
            return "special-purpose";
        }
        return null;
    }

    private static String ipv6Kind(Inet6Address address, byte[] a) {
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if ((u(a[0]) & 0xfe) == 0xfc) {
            return "private (unique local)";
        }
        if ((u(a[0]) & 0xe0) != 0x20) {
            // outside global unicast: IPv4-compatible, NAT64 (64:ff9b::/96), site-local, reserved
            return "non-global";
        }
        if (u(a[0]) == 0x20 && u(a[1]) == 0x02) {
            return "6to4";
        }
        if (u(a[0]) == 0x20 && u(a[1]) == 0x01 && u(a[2]) == 0 && u(a[3]) == 0) {
            return "Teredo";
        }
        if (u(a[0]) == 0x20 && u(a[1]) == 0x01 && u(a[2]) == 0x0d && u(a[3]) == 0xb8) {
            return "documentation";
        }
        return null;
    }

    private static int u(byte b) {
        return b & 0xff;
    }
}
