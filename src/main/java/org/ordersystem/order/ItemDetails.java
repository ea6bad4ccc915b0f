package org.ordersystem.order;

import java.math.BigDecimal;

/** What an item is made of, already validated at the boundary (name trimmed, price of scale <= 2). */
public record ItemDetails(String name, String sku, int quantity, BigDecimal unitPrice) {

    /** These details with the given fields replaced where not null (an empty sku clears it). */
    ItemDetails with(String newName, String newSku, Integer newQuantity, BigDecimal newUnitPrice) {
        return new ItemDetails(newName != null ? newName : name,
                newSku == null ? sku : (newSku.isEmpty() ? null : newSku),
                newQuantity != null ? newQuantity : quantity,
                newUnitPrice != null ? newUnitPrice : unitPrice);
    }
}
