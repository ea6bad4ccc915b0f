package org.ordersystem;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Module boundaries of the house style: order -> user, shared; auth -> user; infrastructure depends on no business module. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(OrderBackendApplication.class).verify();
    }
}
