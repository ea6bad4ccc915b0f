/**
 * The error contract: error codes, API exceptions and the problem+json responses of every failure.
 */
@NamedInterface("problem")
package org.ordersystem.system.problem;

import org.springframework.modulith.NamedInterface;
