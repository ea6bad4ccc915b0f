package org.ordersystem.order.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ordersystem.order.ItemDetails;

/** ItemIn of the contract. */
record ItemRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may hold only letters, digits, '.', '_' and '-'") String sku,
        @NotNull @Min(1) @Max(10000) Integer quantity,
        @NotNull @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal unitPrice) {

    ItemDetails details() {
        return new ItemDetails(name.strip(), sku, quantity, unitPrice.setScale(2));
    }
}
