package org.ordersystem.user;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Email addresses as stored: trimmed, lower-cased, an RFC 5321/5322 dot-atom local part
 * (quoted local parts and address literals are refused) at a domain name with at least
 * two labels. Internationalised addresses are refused too, so that the lower-casing here
 * and PostgreSQL's {@code lower()} in the table's check always agree.
 */
public final class EmailAddress {

    static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final String ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(\\." + ATOM + ")*");
    private static final String LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile("(" + LABEL + "\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private EmailAddress() {
    }

    /** The form an address is stored and looked up in, without judging it (for login, lock-out keys). */
    public static String canonical(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** The canonical form of a valid address; {@link InvalidEmailAddress} (400) otherwise. */
    public static String normalize(String raw) {
        String email = canonical(raw);
        int at = email.lastIndexOf('@');
        if (email.length() > MAX_LENGTH || at < 1 || at > MAX_LOCAL_PART
                || !LOCAL_PART.matcher(email.substring(0, at)).matches()
                || !DOMAIN.matcher(email.substring(at + 1)).matches()) {
            throw new InvalidEmailAddress();
        }
        return email;
    }
}
