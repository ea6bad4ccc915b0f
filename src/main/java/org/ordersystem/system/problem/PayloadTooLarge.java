package org.ordersystem.system.problem;

import java.io.IOException;

/** Thrown while reading a request body that grows past the limit; answered 413 PAYLOAD_TOO_LARGE. */
public class PayloadTooLarge extends IOException {

    public PayloadTooLarge(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes.");
    }
}
