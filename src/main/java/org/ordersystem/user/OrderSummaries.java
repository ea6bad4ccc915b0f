package org.ordersystem.user;

/**
 * What the user module needs to know of a user's orders. The order module implements
 * it, so that dependencies keep pointing from order to user.
 */
public interface OrderSummaries {

    OrderSummary of(long userId);
}
