package org.ordersystem.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** A signing secret: {@code whsec_} and the base64 of 32 random bytes, the key being those bytes. */
final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    static String generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key: the base64-decoded part after the prefix. */
    static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
