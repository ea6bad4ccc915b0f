/**
 * Outgoing webhooks (Standard Webhooks): endpoints managed by administrators, order events
 * recorded in the order's own transaction (this module's outbox tables), delivered at least
 * once by workers on every replica, signed, and sent only to public addresses.
 */
@ApplicationModule(allowedDependencies = { "order", "system :: problem", "system :: web", "system :: openapi", "system :: cache", "system :: data" })
package org.ordersystem.webhook;

import org.springframework.modulith.ApplicationModule;
