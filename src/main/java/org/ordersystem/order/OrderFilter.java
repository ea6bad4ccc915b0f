package org.ordersystem.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.ordersystem.system.problem.InvalidField;

/**
 * Which orders a listing or an export covers: statuses (none means all), creation time from
 * (inclusive) and to (exclusive), a total range (inclusive), search terms, and the owner an
 * administrator asked for. Null means no restriction.
 */
public record OrderFilter(Set<OrderStatus> statuses, Instant createdFrom, Instant createdTo, BigDecimal totalMin,
        BigDecimal totalMax, String search, Long userId) {

    public static final int MAX_SEARCH_LENGTH = 200;

    /** Search terms are plain words: none of the text-search syntax's operators, no control characters. */
    private static final Pattern SEARCH_OPERATORS = Pattern.compile("[&|!():*<>\\\\\\p{Cntrl}]");

    public OrderFilter {
        statuses = Set.copyOf(statuses);
    }

    /**
     * A filter from what a caller asked for, checked: the dates and the totals in order, the
     * search plain words of at most 200 characters (blank means none). Null statuses mean all;
     * a null entry among them is ignored. Refusals name the API's parameter.
     */
    public static OrderFilter of(Set<OrderStatus> statuses, Instant createdFrom, Instant createdTo,
            BigDecimal totalMin, BigDecimal totalMax, String search, Long userId) {
        if (createdFrom != null && createdTo != null && createdFrom.isAfter(createdTo)) {
            throw new InvalidField("created_from", "must not be after created_to");
        }
        if (totalMin != null && totalMax != null && totalMin.compareTo(totalMax) > 0) {
            throw new InvalidField("total_min", "must not be greater than total_max");
        }
        Set<OrderStatus> chosen = EnumSet.noneOf(OrderStatus.class);
        if (statuses != null) {
            statuses.stream().filter(Objects::nonNull).forEach(chosen::add);
        }
        return new OrderFilter(chosen, createdFrom, createdTo, totalMin, totalMax, search(search), userId);
    }

    private static String search(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        if (search.length() > MAX_SEARCH_LENGTH) {
            throw new InvalidField("q", "must be at most " + MAX_SEARCH_LENGTH + " characters");
        }
        if (SEARCH_OPERATORS.matcher(search).find()) {
            throw new InvalidField("q", "must be plain words: the characters & | ! ( ) : * < > \\ and control "
                    + "characters are not accepted");
        }
        return search.strip();
    }
}
