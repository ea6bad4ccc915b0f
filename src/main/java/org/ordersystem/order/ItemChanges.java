package org.ordersystem.order;

import java.math.BigDecimal;

/** A partial change of an item: null fields stay as they are; an empty sku clears it. */
public record ItemChanges(String name, String sku, Integer quantity, BigDecimal unitPrice) {
}
