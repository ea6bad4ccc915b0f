package org.ordersystem.auth;

import org.ordersystem.user.UserErrorCode;
import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.config.InvalidConfiguration;
import org.ordersystem.user.UserAdministration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the administrator of ADMIN_EMAIL / ADMIN_PASSWORD at start-up when no administrator
 * exists; safe to run on every start of every replica. A configured address or password that
 * the rules refuse stops start-up, naming the variable.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String NAME = "Administrator";

    private final AdminProperties properties;
    private final UserAdministration administration;

    AdminBootstrap(AdminProperties properties, UserAdministration administration) {
        this.properties = properties;
        this.administration = administration;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.configured()) {
            createFirstAdmin(properties.email(), properties.password());
        }
    }

    /** True when this call created the administrator. */
    boolean createFirstAdmin(String email, String password) {
        try {
            return administration.createFirstAdmin(email, password, NAME);
        }
        catch (ApiException ex) {
            if (ex.code() == UserErrorCode.WEAK_PASSWORD) {
                throw new InvalidConfiguration("ADMIN_PASSWORD", "is refused: " + ex.detail());
            }
            if (ex.code() == CommonErrorCode.VALIDATION_FAILED) {
                throw new InvalidConfiguration("ADMIN_EMAIL", "is not a valid email address");
            }
            throw ex;
        }
    }
}
