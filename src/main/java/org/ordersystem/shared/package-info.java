/**
 * A tiny kernel of value types with no Spring beans and no dependencies.
 */
package org.ordersystem.shared;
