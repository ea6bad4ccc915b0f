package org.ordersystem.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ways an attacker spells a path so that one component reads it differently from
 * another: percent-encoded letters in each segment, {@code ;} parameters, empty and dot
 * segments, an encoded slash, a trailing slash and other letter cases. The service must
 * refuse each (400 or 404) or treat it exactly like the canonical path.
 */
public final class PathSpellings {

    private PathSpellings() {
    }

    /**
     * What does not meet the gate: the canonical path when it is not answered {@code gate},
     * and each spelling answered neither 400/404 nor {@code gate}, as "METHOD path: status".
     * A POST carries {@code body}, one the endpoint would accept, so that a spelling that
     * slipped past the gate could not hide behind a validation 400.
     */
    public static List<String> notMeetingGate(Api api, String method, String canonical, String token, Object body,
            int gate) {
        return notMeetingGate(api, method, canonical, token, body, gate, Map.of());
    }

    /** The same, each request with these {@code headers}. */
    public static List<String> notMeetingGate(Api api, String method, String canonical, String token, Object body,
            int gate, Map<String, String> headers) {
        List<String> passed = new ArrayList<>();
        int status = send(api, method, canonical, token, body, headers);
        if (status != gate) {
            passed.add(method + " " + canonical + " (canonical): " + status);
        }
        for (String spelling : of(canonical)) {
            status = send(api, method, spelling, token, body, headers);
            if (status != 400 && status != 404 && status != gate) {
                passed.add(method + " " + spelling + ": " + status);
            }
        }
        return passed;
    }

    private static int send(Api api, String method, String path, String token, Object body,
            Map<String, String> headers) {
        Api.Request request = api.method(method, path);
        headers.forEach(request::header);
        if (token != null) {
            request.token(token);
        }
        if (method.equals("POST")) {
            request.json(body);
        }
        return request.send().status();
    }

    public static List<String> of(String canonical) {
        String[] segments = canonical.substring(1).split("/");
        List<String> spellings = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String[] encoded = segments.clone();
            encoded[i] = String.format("%%%02X", (int) encoded[i].charAt(0)) + encoded[i].substring(1);
            spellings.add(join(encoded));
            String[] lowerHex = segments.clone();
            lowerHex[i] = String.format("%%%02x", (int) lowerHex[i].charAt(0)) + lowerHex[i].substring(1);
            spellings.add(join(lowerHex));
            String[] parameter = segments.clone();
            parameter[i] = parameter[i] + ";x=1";
            spellings.add(join(parameter));
        }
        String first = "/" + segments[0];
        String rest = canonical.substring(first.length());
        spellings.add("/" + canonical);
        spellings.add(first + "/." + rest);
        spellings.add(first + "/x/.." + rest);
        if (!rest.isEmpty()) {
            spellings.add(first + "/" + rest);
            spellings.add(first + "%2F" + rest.substring(1));
        }
        spellings.add(canonical + "/");
        spellings.add(canonical.toUpperCase(Locale.ROOT));
        spellings.add(canonical.substring(0, canonical.length() - 1)
                + canonical.substring(canonical.length() - 1).toUpperCase(Locale.ROOT));
        return spellings;
    }

    private static String join(String[] segments) {
        return "/" + String.join("/", segments);
    }
}
