package org.ordersystem.webhook;

import java.net.UnknownHostException;

/**
 * A delivery's host resolved to an address webhooks may not reach. An {@link UnknownHostException}
 * because that is what a resolver may throw: the HTTP client then gives up before connecting.
 */
class AddressRefused extends UnknownHostException {

    AddressRefused(String reason) {
        super(reason);
    }
}
