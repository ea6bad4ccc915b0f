package org.ordersystem.order;

import java.util.List;

import org.springframework.data.repository.Repository;

/** The order history rows; written only with the order change that caused them. */
interface StatusChangeRepository extends Repository<StatusChange, Long> {

    <S extends StatusChange> List<S> saveAll(Iterable<S> changes);

    List<StatusChange> findByOrderIdOrderByChangedAtAscIdAsc(long orderId);
}
