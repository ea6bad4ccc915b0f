package org.ordersystem.order.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ordersystem.order.OrderStatistics;

/** Order statistics; value figures leave cancelled orders out. */
record StatisticsResponse(long totalOrders, Map<String, Long> byStatus, BigDecimal totalValue,
        BigDecimal averageValue) {

    static StatisticsResponse of(OrderStatistics.Figures figures) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        figures.byStatus().forEach((status, count) -> byStatus.put(status.name(), count));
        return new StatisticsResponse(figures.totalOrders(), byStatus, figures.totalValue(), figures.averageValue());
    }
}
