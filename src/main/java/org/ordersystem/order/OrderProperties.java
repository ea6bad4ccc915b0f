package org.ordersystem.order;

import java.time.Duration;
import java.util.Currency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Settings of the order module: DEFAULT_CURRENCY ({@code order.default-currency}) and the
 * lifetimes of its caches ({@code order.cache.*}, documented tuning knobs).
 *
 * @param defaultCurrency the ISO-4217 code of an order placed without one
 * @param cache how long cached orders and statistics live
 */
@ConfigurationProperties("order")
record OrderProperties(@DefaultValue("USD") String defaultCurrency, @DefaultValue Cache cache) implements Validator {

    /**
     * @param ordersTtl single orders by id
     * @param statisticsTtl the figures of the statistics endpoint
     */
    record Cache(@DefaultValue("10m") Duration ordersTtl, @DefaultValue("30s") Duration statisticsTtl) {
    }

    @Override
    public boolean supports(Class<?> type) {
        return OrderProperties.class.isAssignableFrom(type);
    }

    /** Checked once at start-up, so no order is ever stored in a currency that does not exist. */
    @Override
    public void validate(Object target, Errors errors) {
        if (!isIsoCurrency(defaultCurrency)) {
            errors.rejectValue("defaultCurrency", "currency", "must be an ISO-4217 code such as USD");
        }
    }

    private static boolean isIsoCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
