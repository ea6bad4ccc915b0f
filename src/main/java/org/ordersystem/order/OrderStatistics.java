package org.ordersystem.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ordersystem.system.cache.ResilientCache;
import org.ordersystem.system.cache.ResilientCaches;
import org.ordersystem.system.data.AfterCommit;
import org.ordersystem.system.problem.InsufficientPermissions;
import org.ordersystem.system.problem.InvalidField;
import org.ordersystem.user.CurrentUser;
import org.ordersystem.user.OrderSummaries;
import org.ordersystem.user.OrderSummary;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order figures computed by SQL aggregates, never by loading orders. Value figures
 * leave cancelled orders out: they were never going to be paid.
 */
@Component
@Transactional(readOnly = true)
public class OrderStatistics implements OrderSummaries {

    static final String CACHE_NAME = "order-statistics";

    private static final String BY_STATUS = "select status, count(*) as orders, coalesce(sum(total), 0) as value "
            + "from pedidos %s group by status";

    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final ResilientCache cached;

    OrderStatistics(JdbcClient jdbc, ResilientCaches caches) {
        this.jdbc = jdbc;
        this.cached = caches.named(CACHE_NAME);
    }

    /** Counts by status name, in lifecycle order. */
    public record Figures(long totalOrders, Map<String, Long> byStatus, BigDecimal totalValue,
            BigDecimal averageValue) {
    }

    /**
     * Own orders for a user; all (or one user's, with {@code userId}) for an admin. Cached
     * briefly (order.cache.statistics-ttl); only successful answers are cached, and a write
     * drops what its writer reads next ({@link #changedAfterCommit}).
     */
    @Cacheable(cacheNames = CACHE_NAME, key = "T(org.ordersystem.order.OrderStatistics).key(#caller, #userId)")
    public Figures figures(CurrentUser caller, Long userId) {
        if (userId != null && !caller.admin()) {
            throw new InsufficientPermissions("Only an administrator may see another user's statistics.");
        }
        Long owner = caller.admin() ? userId : Long.valueOf(caller.id());
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        Map<OrderStatus, BigDecimal> values = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, 0L);
            values.put(status, BigDecimal.ZERO);
        }
        var query = owner == null ? jdbc.sql(BY_STATUS.formatted(""))
                : jdbc.sql(BY_STATUS.formatted("where usuario = ?")).param(owner);
        query.query((rs, row) -> {
            OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
            counts.put(status, rs.getLong("orders"));
            values.put(status, rs.getBigDecimal("value"));
            return status;
        }).list();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long valued = total - counts.get(OrderStatus.CANCELLED);
        BigDecimal value = values.entrySet().stream().filter(e -> e.getKey() != OrderStatus.CANCELLED)
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        BigDecimal average = valued == 0 ? BigDecimal.ZERO.setScale(2)
                : value.divide(BigDecimal.valueOf(valued), 2, RoundingMode.HALF_EVEN);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        counts.forEach((status, count) -> byStatus.put(status.name(), count));
        return new Figures(total, byStatus, value, average);
    }

    /** The cache key of {@link #figures}. */
    public static String key(CurrentUser caller, Long userId) {
        return caller.admin() ? "admin:" + userId : ownKey(caller.id());
    }

    private static String ownKey(long user) {
        return "user:" + user;
    }

    /**
     * After the commit of a change to an order of {@code owner}: drops the owner's own figures
     * and, when an administrator wrote, those of every order and of that owner, so that the
     * writer's next read shows the change (read your writes) on every replica. Other
     * administrators' figures of every order may lag by the cache's time to live.
     */
    void changedAfterCommit(CurrentUser writer, long owner) {
        AfterCommit.run(() -> {
            cached.evict(ownKey(owner));
            if (writer.admin()) {
                cached.evict(key(writer, null));
                cached.evict(key(writer, owner));
            }
        });
    }

    /** One UTC day: orders placed and their value (cancelled ones left out of the value). */
    public record Day(LocalDate day, long orders, BigDecimal value) {
    }

    /**
     * Orders placed per UTC day from {@code from} to {@code to} (inclusive), every day present,
     * for administrators; one aggregate over the creation-date index.
     */
    public List<Day> daily(CurrentUser caller, LocalDate from, LocalDate to) {
        if (!caller.admin()) {
            throw new InsufficientPermissions("Only an administrator may see the statistics of every order.");
        }
        if (from.isAfter(to)) {
            throw new InvalidField("from", "must not be after to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidField("to", "must be at most " + MAX_DAYS + " days after from");
        }
        Map<LocalDate, Day> days = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new Day(day, 0, BigDecimal.ZERO.setScale(2)));
        }
        jdbc.sql("""
                select (data_criacao at time zone 'UTC')::date as day, count(*) as orders,
                       coalesce(sum(total) filter (where status <> 'CANCELLED'), 0) as value
                from pedidos where data_criacao >= ? and data_criacao < ?
                group by 1""")
                .param(Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param(Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query((rs, row) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("orders"),
                        rs.getBigDecimal("value").setScale(2)))
                .list().forEach(day -> days.put(day.day(), day));
        return List.copyOf(days.values());
    }

    /** For the user endpoints: spent = confirmed, shipped and delivered orders. */
    @Override
    public OrderSummary of(long userId) {
        return jdbc.sql("""
                select count(*) as total_orders,
                       count(*) filter (where status = 'PENDING') as pending_orders,
                       coalesce(sum(total) filter (where status in ('CONFIRMED', 'SHIPPED', 'DELIVERED')), 0) as spent
                from pedidos where usuario = ?""")
                .param(userId)
                .query((rs, row) -> new OrderSummary(rs.getLong("total_orders"), rs.getLong("pending_orders"),
                        rs.getBigDecimal("spent").setScale(2)))
                .single();
    }
}
