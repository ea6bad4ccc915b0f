package org.ordersystem.order;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

/** The item is not on this order (or the order is not the caller's). */
class ItemNotFound extends ApiException {

    ItemNotFound(long itemId) {
        super(ErrorCode.ITEM_NOT_FOUND, "Item " + itemId + " not found on this order.");
    }
}
