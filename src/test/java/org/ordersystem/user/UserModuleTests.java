package org.ordersystem.user;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.WithTestServices;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The user module with system only, against the real PostgreSQL: accounts are registered once
 * per address. The modules a module test needs are named: Modulith follows only injections of
 * another module's own types, and system hands out Spring and JDK types (CacheManager, Clock).
 */
@ApplicationModuleTest(extraIncludes = "system", verifyAutomatically = false, webEnvironment = WebEnvironment.NONE)
@WithTestServices
@Import({ UserPorts.NoEndedSessions.class, UserPorts.NoOrders.class })
class UserModuleTests {

    private static final String PASSWORD = "Str0ng-Passw0rd!";

    private final UserService users;

    UserModuleTests(UserService users) {
        this.users = users;
    }

    @Test
    void registersAnAccountThatSignsInWithItsPassword() {
        String email = unique();

        UserAccount account = users.register(email, PASSWORD, "Ada");

        assertThat(account.email()).isEqualTo(email);
        assertThat(account.active()).isTrue();
        assertThat(account.isAdmin()).isFalse();
        assertThat(users.authenticate(email, PASSWORD)).map(UserAccount::id).hasValue(account.id());
        assertThat(users.authenticate(email, "Wr0ng-Passw0rd!")).isEmpty();
    }

    @Test
    void refusesAnAddressAlreadyRegisteredInAnotherSpelling() {
        String email = unique();
        users.register(email, PASSWORD, "First");

        assertThatThrownBy(() -> users.register("  " + email.toUpperCase() + " ", PASSWORD, "Second"))
                .isInstanceOf(EmailAlreadyRegistered.class);
        assertThat(users.authenticate(email, PASSWORD)).map(UserAccount::name).hasValue("First");
    }

    private static String unique() {
        return "module-" + UUID.randomUUID() + "@orders.test";
    }
}
