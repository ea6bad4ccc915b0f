package org.ordersystem.system.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is honoured only
 * when the connection comes from a configured trusted proxy (TRUSTED_PROXIES, CIDRs);
 * then the right-most address that is not itself a trusted proxy is the client.
 */
public class ClientAddress {

    private final List<Cidr> trusted;

    /** @param trustedProxies comma-separated addresses and CIDR blocks (WebProperties has checked them) */
    ClientAddress(String trustedProxies) {
        this.trusted = Cidr.parseAll(trustedProxies);
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!isTrustedProxy(remote)) {
            return remote;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!Cidr.isLiteralAddress(hop)) {
                return remote;
            }
            if (!isTrustedProxy(hop)) {
                return hop;
            }
        }
        return hops[0].strip();
    }

    /** Whether this literal address is one of TRUSTED_PROXIES; a host name or garbage never is. */
    public boolean isTrustedProxy(String address) {
        return address != null && trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** An address block such as {@code 10.0.0.0/8} or {@code ::1/128}. */
    record Cidr(byte[] network, int prefix) {

        static List<Cidr> parseAll(String text) {
            List<Cidr> blocks = new ArrayList<>();
            if (text == null || text.isBlank()) {
                return blocks;
            }
            for (String part : text.split(",")) {
                blocks.add(parse(part.strip()));
            }
            return List.copyOf(blocks);
        }

        static Cidr parse(String text) {
            String[] pieces = text.split("/", 2);
            if (!isLiteralAddress(pieces[0])) {
                throw new IllegalArgumentException("'" + text + "' is not an address or CIDR block");
            }
            byte[] address = bytes(pieces[0]);
            int prefix;
            try {
                prefix = pieces.length == 2 ? Integer.parseInt(pieces[1]) : address.length * 8;
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException("'" + text + "' has a bad prefix length");
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has a bad prefix length");
            }
            return new Cidr(address, prefix);
        }

        boolean contains(String address) {
            if (!isLiteralAddress(address)) {
                return false;
            }
            byte[] candidate = bytes(address);
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** Only literal addresses: never a host name, so nothing is ever resolved through DNS. */
        static boolean isLiteralAddress(String text) {
            return text.matches("[0-9.]{7,15}") || (text.contains(":") && text.matches("[0-9a-fA-F:.]{2,45}"));
        }

        private static byte[] bytes(String literal) {
            try {
                return InetAddress.getByName(literal).getAddress();
            }
            catch (UnknownHostException ex) {
                throw new IllegalArgumentException("'" + literal + "' is not an address");
            }
        }
    }
}
