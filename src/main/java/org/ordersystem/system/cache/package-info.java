/**
 * The Redis client, Spring Cache set-up and the fallback when Redis is away.
 */
@NamedInterface("cache")
package org.ordersystem.system.cache;

import org.springframework.modulith.NamedInterface;
