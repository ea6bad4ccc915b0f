/**
 * The generic OpenAPI set-up: problem responses and the document's conventions.
 */
@NamedInterface("openapi")
package org.ordersystem.system.openapi;

import org.springframework.modulith.NamedInterface;
