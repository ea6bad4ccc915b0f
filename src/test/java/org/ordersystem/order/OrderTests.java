package org.ordersystem.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate's rules, without Spring or a database. */
class OrderTests {

    static final Instant NOW = Instant.parse("2026-11-24T10:30:00Z");
    static final long OWNER = 7;
    static final long ADMIN = 1;

    static ItemDetails item(int quantity, String price) {
        return new ItemDetails("Widget", null, quantity, new BigDecimal(price));
    }

    /** An order as it is once saved: the database gives it and its items ids. */
    static Order order(ItemDetails... items) {
        Order order = new Order(OWNER, "USD", null, List.of(items), OWNER, NOW);
        setId(Order.class, order, 4242L);
        long itemId = 1;
        for (OrderItem item : order.getItems()) {
            setId(OrderItem.class, item, itemId++);
        }
        return order;
    }

    static <T> void setId(Class<T> type, T entity, long id) {
        try {
            java.lang.reflect.Field field = type.getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void totalIsTheSumOfTheLinesWithTwoDecimals() {
        Order order = order(item(3, "0.10"), item(1, "999999.99"));

        assertThat(order.getTotal()).isEqualTo(new BigDecimal("1000000.29"));
        assertThat(order.getItems().get(0).getLineTotal()).isEqualTo(new BigDecimal("0.30"));
    }

    @Test
    void newOrdersArePendingWithCreationInTheHistory() {
        Order order = order();

        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.getTotal()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void confirmingNeedsAnItem() {
        assertThatThrownBy(() -> order().confirm(OWNER, null, NOW)).isInstanceOf(OrderEmpty.class);
    }

    @Test
    void followsTheLifecycle() {
        Order order = order(item(1, "5"));
        order.confirm(OWNER, null, NOW);
        order.ship(ADMIN, null, NOW);
        order.deliver(ADMIN, "signed", NOW);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.DELIVERED);
        // what the repository publishes on the next save (AbstractAggregateRoot#domainEvents is protected)
        assertThat(ReflectionTestUtils.<Collection<?>>invokeMethod(order, "domainEvents")).hasSize(3)
                .allMatch(OrderStatusChanged.class::isInstance);
    }

    @Test
    void refusesTransitionsOutsideTheLifecycleNamingWhatIsAllowed() {
        Order order = order(item(1, "5"));
        order.cancel(OWNER, "changed my mind", NOW);

        assertThatThrownBy(() -> order.confirm(OWNER, null, NOW)).isInstanceOf(InvalidStatusTransition.class)
                .satisfies(ex -> assertThat(((InvalidStatusTransition) ex).getBody().getProperties())
                        .containsEntry("current_status", "CANCELLED")
                        .containsEntry("allowed_transitions", List.of()));
        assertThatThrownBy(() -> order(item(1, "5")).ship(ADMIN, null, NOW)).isInstanceOf(InvalidStatusTransition.class);
    }

    @Test
    void rejectsItemsOnConfirmedOrder() {
        Order order = order(item(1, "5"));
        order.confirm(OWNER, null, NOW);

        assertThatThrownBy(() -> order.addItem(item(1, "1"), NOW)).isInstanceOf(OrderNotModifiable.class);
        assertThat(order.getTotal()).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void holdsAtMostOneHundredItems() {
        ItemDetails[] hundred = new ItemDetails[100];
        java.util.Arrays.fill(hundred, item(1, "1"));
        Order order = order(hundred);

        assertThatThrownBy(() -> order.addItem(item(1, "1"), NOW)).isInstanceOf(ItemLimitReached.class);
        ItemDetails[] tooMany = new ItemDetails[101];
        java.util.Arrays.fill(tooMany, item(1, "1"));
        assertThatThrownBy(() -> order(tooMany)).isInstanceOf(ItemLimitReached.class);
    }

    @Test
    void allowedTransitionsDependOnTheCallerAndTheItems() {
        Order empty = order();
        assertThat(empty.allowedTransitions(false)).containsExactly(OrderStatus.CANCELLED);

        Order order = order(item(1, "5"));
        assertThat(order.allowedTransitions(false)).containsExactly(OrderStatus.CONFIRMED, OrderStatus.CANCELLED);
        order.confirm(OWNER, null, NOW);
        assertThat(order.allowedTransitions(false)).containsExactly(OrderStatus.CANCELLED);
        assertThat(order.allowedTransitions(true)).containsExactly(OrderStatus.SHIPPED, OrderStatus.CANCELLED);
    }

    @Test
    void notesChangeUntilShipped() {
        Order order = order(item(1, "5"));
        order.confirm(OWNER, null, NOW);
        order.changeNotes("ring twice", NOW);
        order.ship(ADMIN, null, NOW);

        assertThatThrownBy(() -> order.changeNotes("too late", NOW)).isInstanceOf(OrderNotModifiable.class);
        assertThat(order.getNotes()).isEqualTo("ring twice");
    }
}
