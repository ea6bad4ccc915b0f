/**
 * Environment translation, the start-up guard and report, the clock.
 */
@NamedInterface("config")
package org.ordersystem.system.config;

import org.springframework.modulith.NamedInterface;
