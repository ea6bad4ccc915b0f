package org.ordersystem.order;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.problem.ErrorCode;

/** An order holds at most Order.MAX_ITEMS items. */
class ItemLimitReached extends ApiException {

    ItemLimitReached() {
        super(ErrorCode.ITEM_LIMIT_REACHED, "An order holds at most " + Order.MAX_ITEMS + " items.");
    }
}
