/**
 * The HTTP pipeline: request ids, access log, size limit, admission, client address, security headers, path canonicalisation.
 */
@NamedInterface("web")
package org.ordersystem.system.web;

import org.springframework.modulith.NamedInterface;
