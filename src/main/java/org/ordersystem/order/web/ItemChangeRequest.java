package org.ordersystem.order.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ordersystem.order.ItemChanges;

/** A partial item change; an empty {@code sku} removes it. */
record ItemChangeRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may hold only letters, digits, '.', '_' and '-'") String sku,
        @Min(1) @Max(10000) Integer quantity,
        @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal unitPrice) {

    @AssertTrue(message = "must name at least one of name, sku, quantity, unit_price")
    boolean isAnyField() {
        return name != null || sku != null || quantity != null || unitPrice != null;
    }

    ItemChanges changes() {
        return new ItemChanges(name == null ? null : name.strip(), sku, quantity,
                unitPrice == null ? null : unitPrice.setScale(2));
    }
}
