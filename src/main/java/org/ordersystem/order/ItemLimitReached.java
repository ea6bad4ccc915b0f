package org.ordersystem.order;

import org.ordersystem.system.problem.ApiException;

/** An order holds at most Order.MAX_ITEMS items. */
class ItemLimitReached extends ApiException {

    ItemLimitReached() {
        super(OrderErrorCode.ITEM_LIMIT_REACHED, "An order holds at most " + Order.MAX_ITEMS + " items.");
    }
}
