package org.ordersystem.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.ordersystem.support.Api;

/**
 * Builds JWTs by hand (Base64url JSON and an HMAC), the way an attacker would, so that the
 * verifier is tested against tokens no JWT library would produce for us.
 */
public final class HostileTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;

    public HostileTokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Claims of a well-formed access token for this user, expiring at {@code expires}. */
    public static Map<String, Object> accessClaims(long userId, Instant expires) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", Long.toString(userId));
        claims.put("email", "someone@orders.test");
        claims.put("name", "Someone");
        claims.put("is_admin", false);
        claims.put("typ", "access");
        claims.put("sid", UUID.randomUUID().toString());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", expires.minusSeconds(1800).getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        return claims;
    }

    public static Map<String, Object> header(String algorithm) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", algorithm);
        return header;
    }

    /** Signed with the given JCA MAC ("HmacSHA256" ...) and this secret, whatever the header says. */
    public String sign(Map<String, Object> header, Map<String, Object> claims, String macAlgorithm) {
        String signingInput = part(header) + "." + part(claims);
        return signingInput + "." + BASE64URL.encodeToString(mac(macAlgorithm, secret, signingInput));
    }

    public String hs256(Map<String, Object> claims) {
        return sign(header("HS256"), claims, "HmacSHA256");
    }

    /** {@code alg: none} with an empty signature. */
    public static String unsigned(Map<String, Object> claims) {
        return part(header("none")) + "." + part(claims) + ".";
    }

    /** The same token with its payload replaced and its signature kept. */
    public static String withPayload(String token, Map<String, Object> claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + part(claims) + "." + parts[2];
    }

    /** The payload of a token, decoded (no verification). */
    public static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String part(Map<String, Object> json) {
        return BASE64URL.encodeToString(Api.json(json).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(String algorithm, byte[] key, String input) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
