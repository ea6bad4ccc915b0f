package org.ordersystem.user;

import java.nio.charset.StandardCharsets;

/**
 * The contract's password rules. Length is counted in UTF-8 bytes because bcrypt reads
 * only the first 72: a longer password would silently be cut.
 */
final class PasswordPolicy {

    static final int MIN_BYTES = 8;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Throws {@link WeakPassword} naming the first rule the password breaks. */
    static void check(String password) {
        int bytes = password == null ? 0 : password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            throw new WeakPassword("must be at least " + MIN_BYTES + " bytes long");
        }
        if (bytes > MAX_BYTES) {
            throw new WeakPassword("must be at most " + MAX_BYTES + " bytes long (UTF-8)");
        }
        if (password.codePoints().noneMatch(Character::isUpperCase)) {
            throw new WeakPassword("must contain at least one upper-case letter");
        }
        if (password.codePoints().noneMatch(Character::isLowerCase)) {
            throw new WeakPassword("must contain at least one lower-case letter");
        }
        if (password.codePoints().noneMatch(Character::isDigit)) {
            throw new WeakPassword("must contain at least one digit");
        }
        if (password.codePoints().allMatch(Character::isLetterOrDigit)) {
            throw new WeakPassword("must contain at least one character that is neither a letter nor a digit");
        }
    }

    static boolean withinBcryptLimit(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
