package org.ordersystem.order;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.ordersystem.system.problem.InsufficientPermissions;
import org.ordersystem.user.CurrentUser;

import org.springframework.data.jpa.domain.Specification;

/** The orders of a filter that a caller may see: their own, or anyone's for an administrator. */
final class OrderFilters {

    private OrderFilters() {
    }

    static Specification<Order> visibleTo(CurrentUser caller, OrderFilter filter) {
        if (filter.userId() != null && !caller.admin()) {
            throw new InsufficientPermissions("Only an administrator may see another user's orders.");
        }
        Long owner = owner(caller, filter);
        return (root, criteria, builder) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (owner != null) {
                predicates.add(builder.equal(root.get("userId"), owner));
            }
            if (!filter.statuses().isEmpty()) {
                predicates.add(root.get("status").in(filter.statuses()));
            }
            if (filter.createdFrom() != null) {
                predicates.add(builder.greaterThanOrEqualTo(root.get("createdAt"), filter.createdFrom()));
            }
            if (filter.createdTo() != null) {
                predicates.add(builder.lessThan(root.get("createdAt"), filter.createdTo()));
            }
            if (filter.totalMin() != null) {
                predicates.add(builder.greaterThanOrEqualTo(root.get("total"), filter.totalMin()));
            }
            if (filter.totalMax() != null) {
                predicates.add(builder.lessThanOrEqualTo(root.get("total"), filter.totalMax()));
            }
            if (filter.search() != null) {
                // migration V4's SQL function, inlined by PostgreSQL so that its GIN index applies; the
                // terms a bound parameter (a literal would be written into the statement's text)
                predicates.add(builder.isTrue(builder.function("pedido_corresponde", Boolean.class,
                        root.get("notes"), root.get("itemNames"), root.get("itemSkus"),
                        ((HibernateCriteriaBuilder) builder).value(filter.search()))));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
    }

    /**
     * The owner all of whose orders, and only those, the filter covers for this caller; null when
     * it covers everyone's or restricts them further.
     */
    static Long soleOwner(CurrentUser caller, OrderFilter filter) {
        boolean onlyByOwner = filter.statuses().isEmpty() && filter.createdFrom() == null
                && filter.createdTo() == null && filter.totalMin() == null && filter.totalMax() == null
                && filter.search() == null;
        return onlyByOwner ? owner(caller, filter) : null;
    }

    private static Long owner(CurrentUser caller, OrderFilter filter) {
        return caller.admin() ? filter.userId() : Long.valueOf(caller.id());
    }
}
