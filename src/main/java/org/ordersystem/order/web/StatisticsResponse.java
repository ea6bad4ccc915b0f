package org.ordersystem.order.web;

import java.math.BigDecimal;
import java.util.Map;

import org.ordersystem.order.OrderStatistics;

/** Order statistics; value figures leave cancelled orders out. */
record StatisticsResponse(long totalOrders, Map<String, Long> byStatus, BigDecimal totalValue,
        BigDecimal averageValue) {

    static StatisticsResponse of(OrderStatistics.Figures figures) {
        return new StatisticsResponse(figures.totalOrders(), figures.byStatus(), figures.totalValue(),
                figures.averageValue());
    }
}
