package org.ordersystem.order;

import org.ordersystem.system.problem.ApiException;

/** The item is not on this order (or the order is not the caller's). */
class ItemNotFound extends ApiException {

    ItemNotFound(long itemId) {
        super(OrderErrorCode.ITEM_NOT_FOUND, "Item " + itemId + " not found on this order.");
    }
}
