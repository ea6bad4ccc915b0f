package org.ordersystem.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, the system's unless a test needs answers that change (DNS rebinding). */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
