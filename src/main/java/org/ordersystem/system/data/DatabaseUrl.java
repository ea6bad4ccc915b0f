package org.ordersystem.system.data;

import org.ordersystem.system.config.InvalidConfiguration;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A PostgreSQL address in the production guide's form
 * ({@code postgresql://user:pass@host:5432/db?sslmode=require}, also {@code postgres://},
 * {@code postgresql+driver://} and {@code jdbc:postgresql://}) split into JDBC settings.
 * Credentials are kept out of the JDBC URL so that the URL can be logged.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    private static final Pattern SCHEME = Pattern.compile("^(jdbc:)?(postgres|postgresql)(\\+[a-z0-9]+)?://.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    public static DatabaseUrl parse(String variable, String value) {
        String expected = "must look like postgresql://user:password@host:5432/database";
        if (value == null || !SCHEME.matcher(value.strip()).matches()) {
            throw new InvalidConfiguration(variable, expected);
        }
        URI uri;
        try {
            uri = new URI("postgresql" + value.strip().substring(value.strip().indexOf("://")));
        }
        catch (URISyntaxException ex) {
            throw new InvalidConfiguration(variable, expected + " (it is not a valid URL)");
        }
        String host = uri.getHost();
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (host == null || host.isBlank()) {
            throw new InvalidConfiguration(variable, expected + " (the host is missing)");
        }
        if (database.isBlank() || database.contains("/")) {
            throw new InvalidConfiguration(variable, expected + " (the database name is missing)");
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            username = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbcUrl = "jdbc:postgresql://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + ":" + port + "/" + database + query;
        return new DatabaseUrl(jdbcUrl, username, password);
    }

    private static String decode(String raw) {
        return raw.isEmpty() ? null : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]";
    }
}
