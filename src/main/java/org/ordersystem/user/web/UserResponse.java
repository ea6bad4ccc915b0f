package org.ordersystem.user.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.ordersystem.user.OrderSummary;
import org.ordersystem.user.UserAccount;

/** The contract's User body, with {@code statistics} where the contract shows them. */
record UserResponse(@JsonUnwrapped UserAccount user, @JsonInclude(JsonInclude.Include.NON_NULL) OrderSummary statistics) {

    static UserResponse of(UserAccount user) {
        return new UserResponse(user, null);
    }

    static UserResponse withStatistics(UserAccount user, OrderSummary statistics) {
        return new UserResponse(user, statistics);
    }
}
