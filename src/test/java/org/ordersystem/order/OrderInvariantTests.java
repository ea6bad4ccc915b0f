package org.ordersystem.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.ordersystem.system.problem.ApiException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of item and status operations on the aggregate; after every step the
 * invariants hold: total = sum of lines, the history is a legal path, and items change
 * only while PENDING.
 */
class OrderInvariantTests {

    sealed interface Step permits Add, Change, Remove, Move {
    }

    record Add(int quantity, BigDecimal price) implements Step {
    }

    record Change(int index, int quantity) implements Step {
    }

    record Remove(int index) implements Step {
    }

    record Move(OrderStatus target) implements Step {
    }

    @Property(tries = 300)
    void invariantsHoldAfterEveryStep(@ForAll("steps") List<Step> steps) throws Exception {
        Order order = OrderTests.order();
        long nextId = 1000;
        List<OrderStatus> path = new ArrayList<>(List.of(OrderStatus.PENDING));
        for (Step step : steps) {
            OrderStatus before = order.getStatus();
            int itemsBefore = order.getItems().size();
            BigDecimal totalBefore = order.getTotal();
            boolean itemStep = !(step instanceof Move);
            try {
                if (step instanceof Add add) {
                    OrderItem item = order.addItem(new ItemDetails("x", null, add.quantity(), add.price()),
                            OrderTests.NOW);
                    OrderTests.setId(OrderItem.class, item, nextId++);
                }
                else if (step instanceof Change change && !order.getItems().isEmpty()) {
                    OrderItem item = order.getItems().get(change.index() % order.getItems().size());
                    order.changeItem(item.getId(), item.details().with(null, null, change.quantity(), null),
                            OrderTests.NOW);
                }
                else if (step instanceof Remove remove && !order.getItems().isEmpty()) {
                    order.removeItem(order.getItems().get(remove.index() % order.getItems().size()).getId(),
                            OrderTests.NOW);
                }
                else if (step instanceof Move move) {
                    move(order, move.target());
                    path.add(move.target());
                }
            }
            catch (ApiException refused) {
                assertThat(order.getStatus()).isEqualTo(before);
                assertThat(order.getItems()).hasSize(itemsBefore);
                assertThat(order.getTotal()).isEqualTo(totalBefore);
            }
            if (itemStep && before != OrderStatus.PENDING) {
                assertThat(order.getItems()).hasSize(itemsBefore);
                assertThat(order.getTotal()).isEqualTo(totalBefore);
            }
            BigDecimal sum = order.getItems().stream().map(OrderItem::getLineTotal).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            assertThat(order.getTotal()).isEqualByComparingTo(sum);
            assertThat(order.getTotal().scale()).isEqualTo(2);
            assertThat(order.getItems().size()).isLessThanOrEqualTo(Order.MAX_ITEMS);
            for (int i = 1; i < path.size(); i++) {
                assertThat(path.get(i - 1).successors()).contains(path.get(i));
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> add = Arbitraries.integers().between(1, 10000).flatMap(q -> Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2).map(p -> new Add(q, p)));
        Arbitrary<Step> change = Arbitraries.integers().between(0, 99)
                .flatMap(i -> Arbitraries.integers().between(1, 10000).map(q -> new Change(i, q)));
        Arbitrary<Step> remove = Arbitraries.integers().between(0, 99).map(Remove::new);
        Arbitrary<Step> move = Arbitraries.of(OrderStatus.class).map(Move::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, add), net.jqwik.api.Tuple.of(2, change),
                net.jqwik.api.Tuple.of(2, remove), net.jqwik.api.Tuple.of(1, move)).list().ofMaxSize(60);
    }

    private static void move(Order order, OrderStatus target) {
        switch (target) {
            case CONFIRMED -> order.confirm(OrderTests.OWNER, null, OrderTests.NOW);
            case SHIPPED -> order.ship(OrderTests.ADMIN, null, OrderTests.NOW);
            case DELIVERED -> order.deliver(OrderTests.ADMIN, null, OrderTests.NOW);
            case CANCELLED -> order.cancel(OrderTests.OWNER, null, OrderTests.NOW);
            case PENDING -> throw new InvalidStatusTransition(order.getStatus(), target, List.of());
        }
    }
}
