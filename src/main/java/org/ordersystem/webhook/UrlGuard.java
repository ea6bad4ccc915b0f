package org.ordersystem.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The SSRF guard. At registration {@link #check} refuses a URL that is not https, carries
 * credentials or resolves to any non-public address; at delivery the HTTP client resolves
 * names through {@link #resolve}, which applies the same address rule to the answer it
 * returns, so the connection goes to an address that was checked, whatever the name resolves
 * to by then (DNS rebinding).
 */
class UrlGuard implements DnsResolver {

    static final int MAX_URL_LENGTH = 2048;

    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final boolean allowHttp;

    UrlGuard(HostResolver resolver, boolean allowPrivateNetworks, boolean allowHttp) {
        this.resolver = resolver;
        this.policy = new AddressPolicy(allowPrivateNetworks);
        this.allowHttp = allowHttp;
    }

    /** The URL, normalised, if webhooks may be sent to it; {@link WebhookUrlRejected} otherwise. */
    URI check(String url) {
        URI uri = form(url);
        try {
            resolve(uri.getHost());
        }
        catch (AddressRefused ex) {
            throw new WebhookUrlRejected(ex.getMessage());
        }
        catch (UnknownHostException ex) {
            throw new WebhookUrlRejected("has a host name that does not resolve");
        }
        return uri;
    }

    /**
     * The URL's form alone (scheme, no credentials, a host), without resolving it: checked again
     * before each delivery, since the settings may have changed since the URL was registered.
     */
    URI form(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw new WebhookUrlRejected("must be an absolute https URL of at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip()).normalize();
        }
        catch (URISyntaxException ex) {
            throw new WebhookUrlRejected("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new WebhookUrlRejected("must use https");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new WebhookUrlRejected("must not contain credentials");
        }
        if (uri.getHost() == null || uri.getFragment() != null) {
            throw new WebhookUrlRejected("must have a host name and no fragment");
        }
        return uri;
    }

    /** Every address of the host, each one allowed; {@link AddressRefused} if any is not. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(name);
        if (addresses.length == 0) {
            throw new UnknownHostException(name);
        }
        for (InetAddress address : addresses) {
            var refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new AddressRefused(refusal.get());
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // only used for Kerberos/SPNEGO, which webhooks never do
        return host;
    }
}
