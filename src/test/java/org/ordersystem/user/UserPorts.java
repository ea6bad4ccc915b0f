package org.ordersystem.user;

import java.math.BigDecimal;
import java.util.Set;

import org.springframework.context.annotation.Bean;

/**
 * Stand-ins for the user module's ports in module tests that leave out the module which
 * implements them (auth ends sessions, order counts orders). Plain classes, not
 * {@code @Configuration}: an application started from the test class path (AppInstance)
 * scans these packages and must not find them. A module test {@code @Import}s what it lacks.
 */
public final class UserPorts {

    private UserPorts() {
    }

    /** No user has ended sessions (auth is not there to end them). */
    public static class NoEndedSessions {

        @Bean
        EndedSessions noEndedSessions() {
            return userId -> Set.of();
        }
    }

    /** No user has orders (order is not there to place them). */
    public static class NoOrders {

        @Bean
        OrderSummaries noOrders() {
            return userId -> new OrderSummary(0, 0, BigDecimal.ZERO);
        }
    }
}
