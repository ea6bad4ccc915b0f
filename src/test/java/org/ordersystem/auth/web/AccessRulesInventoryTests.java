package org.ordersystem.auth.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every handler the running application maps, read from Spring MVC itself, with what an
 * anonymous caller, a regular user and an administrator get for each of its methods plus
 * HEAD and OPTIONS. A new endpoint that is not in {@link #ACCESS} fails this test: whoever
 * adds it must say who may call it.
 */
@IntegrationTest
class AccessRulesInventoryTests {

    /**
     * ANYONE, USER, ADMIN: the API's bearer-token rules. The console's pages know no bearer
     * token: CONSOLE_PUBLIC answers anyone (never 401 or 5xx), CONSOLE needs a console session
     * (ConsolePagesTests signs in), so every caller here is sent to the sign-in page or, for a
     * form without its CSRF token, refused (403).
     */
    enum Access { ANYONE, USER, ADMIN, NOT_ROUTABLE, CONSOLE_PUBLIC, CONSOLE }

    /** Who may call each mapped path pattern, for every method. */
    private static final Map<String, Access> ACCESS = Map.ofEntries(
            Map.entry("/api/auth/register", Access.ANYONE),
            Map.entry("/api/auth/login", Access.ANYONE),
            Map.entry("/api/auth/token", Access.ANYONE),
            Map.entry("/api/auth/refresh", Access.ANYONE),
            Map.entry("/api/auth/logout", Access.USER),
            Map.entry("/api/auth/password-reset", Access.ANYONE),
            Map.entry("/api/auth/password-reset/confirm", Access.ANYONE),
            Map.entry("/api/users/me", Access.USER),
            Map.entry("/api/users/me/password", Access.USER),
            Map.entry("/api/users", Access.ADMIN),
            Map.entry("/api/users/statistics", Access.ADMIN),
            Map.entry("/api/users/{id:\\d+}", Access.ADMIN),
            Map.entry("/api/users/{id:\\d+}/promote", Access.ADMIN),
            Map.entry("/api/users/{id:\\d+}/deactivate", Access.ADMIN),
            Map.entry("/api/users/{id:\\d+}/activate", Access.ADMIN),
            Map.entry("/api/orders", Access.USER),
            Map.entry("/api/orders/statistics", Access.USER),
            Map.entry("/api/orders/export", Access.USER),
            Map.entry("/", Access.CONSOLE_PUBLIC),
            Map.entry("/ui", Access.CONSOLE_PUBLIC),
            Map.entry("/ui/sign-in", Access.CONSOLE_PUBLIC),
            Map.entry("/ui/register", Access.CONSOLE_PUBLIC),
            Map.entry("/ui/register/check", Access.CONSOLE_PUBLIC),
            Map.entry("/ui/password-reset", Access.CONSOLE_PUBLIC),
            Map.entry("/ui/password-reset/confirm", Access.CONSOLE_PUBLIC),
            Map.entry("/ui/problem", Access.CONSOLE),
            Map.entry("/ui/orders", Access.CONSOLE),
            Map.entry("/ui/orders/new", Access.CONSOLE),
            Map.entry("/ui/orders/export", Access.CONSOLE),
            Map.entry("/ui/orders/{id}", Access.CONSOLE),
            Map.entry("/ui/orders/{id}/notes", Access.CONSOLE),
            Map.entry("/ui/orders/{id}/status", Access.CONSOLE),
            Map.entry("/ui/orders/{id}/items", Access.CONSOLE),
            Map.entry("/ui/orders/{id}/items/{itemId}/remove", Access.CONSOLE),
            Map.entry("/ui/orders/{id}/delete", Access.CONSOLE),
            Map.entry("/ui/profile", Access.CONSOLE),
            Map.entry("/ui/profile/password", Access.CONSOLE),
            Map.entry("/ui/admin/users", Access.CONSOLE),
            Map.entry("/ui/admin/statistics", Access.CONSOLE),
            Map.entry("/ui/admin/webhooks", Access.CONSOLE),
            Map.entry("/ui/admin/webhooks/{id}", Access.CONSOLE),
            Map.entry("/ui/admin/webhooks/{id}/active", Access.CONSOLE),
            Map.entry("/ui/admin/webhooks/{id}/rotate-secret", Access.CONSOLE),
            Map.entry("/ui/admin/webhooks/{id}/test", Access.CONSOLE),
            Map.entry("/ui/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver", Access.CONSOLE),
            Map.entry("/ui/admin/webhooks/{id}/delete", Access.CONSOLE),
            Map.entry("/ui/admin/users/{id}/promote", Access.CONSOLE),
            Map.entry("/ui/admin/users/{id}/deactivate", Access.CONSOLE),
            Map.entry("/ui/admin/users/{id}/activate", Access.CONSOLE),
            Map.entry("/api/orders/{id}", Access.USER),
            Map.entry("/api/orders/{id}/status", Access.USER),
            Map.entry("/api/orders/{id}/history", Access.USER),
            Map.entry("/api/orders/{orderId}/items", Access.USER),
            Map.entry("/api/orders/{orderId}/items/{itemId}", Access.USER),
            Map.entry("/api/webhooks", Access.ADMIN),
            Map.entry("/api/webhooks/{id:\\d+}", Access.ADMIN),
            Map.entry("/api/webhooks/{id:\\d+}/rotate-secret", Access.ADMIN),
            Map.entry("/api/webhooks/{id:\\d+}/test", Access.ADMIN),
            Map.entry("/api/webhooks/{id:\\d+}/deliveries", Access.ADMIN),
            Map.entry("/api/webhooks/{id:\\d+}/deliveries/{deliveryId:\\d+}/redeliver", Access.ADMIN),
            Map.entry("/v3/api-docs", Access.ANYONE),
            Map.entry("/v3/api-docs.yaml", Access.ANYONE),
            Map.entry("/v3/api-docs/swagger-config", Access.ANYONE),
            Map.entry("/swagger-ui.html", Access.ANYONE),
            Map.entry("/error", Access.NOT_ROUTABLE));

    /** Ids that exist nowhere, so no request here changes another test's data. */
    private static final String NO_SUCH_ID = "999999999";

    private final Api api;
    private final Accounts accounts;
    private final RequestMappingHandlerMapping mappings;

    AccessRulesInventoryTests(@LocalServerPort int port,
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
        this.mappings = mappings;
    }

    @Test
    void everyMappedPathAndMethodMeetsItsRuleForEveryKindOfCaller() {
        Map<String, Set<String>> handlers = mappedHandlers();
        assertThat(handlers).as("the inventory read nothing").containsKeys("/api/orders", "/api/users");
        List<String> unruled = handlers.keySet().stream().filter(path -> !ACCESS.containsKey(path)).toList();
        if (!unruled.isEmpty()) {
            fail("No access rule in this test for " + unruled + ": add one, and a security rule if it needs one");
        }
        Accounts.Account user = accounts.newUser();
        Accounts.Account admin = accounts.admin();
        List<String> broken = new ArrayList<>();
        handlers.forEach((pattern, methods) -> {
            String path = pattern.replaceAll("\\{[^}]+}", NO_SUCH_ID);
            for (String method : methods) {
                Access access = ACCESS.get(pattern);
                check(broken, method, path, "anonymous", null, access);
                check(broken, method, path, "user", tokenFor(path, user), access);
                check(broken, method, path, "admin", tokenFor(path, admin), access);
            }
        });
        assertThat(broken).isEmpty();
    }

    /** Logging out ends the session; it gets a session of its own so that the others' tokens live on. */
    private String tokenFor(String path, Accounts.Account account) {
        if (!path.equals("/api/auth/logout")) {
            return account.token();
        }
        return accounts.login(account.email(),
                account.email().equals(Accounts.ADMIN_EMAIL) ? Accounts.ADMIN_PASSWORD : Accounts.PASSWORD);
    }

    private void check(List<String> broken, String method, String path, String caller, String token, Access access) {
        Api.Request request = api.method(method, path);
        if (token != null) {
            request.token(token);
        }
        if (Set.of("POST", "PUT", "PATCH").contains(method)) {
            request.json(Map.of());
        }
        int status = request.send().status();
        boolean allowed = switch (access) {
            case ANYONE -> status != 401 && status != 403;
            case USER -> token == null ? status == 401 : status != 401 && status != 403;
            case ADMIN -> token == null ? status == 401 : caller.equals("user") ? status == 403 : status != 401 && status != 403;
            case NOT_ROUTABLE -> status == 404;
            case CONSOLE_PUBLIC -> status != 401;
            case CONSOLE -> status == 302 || status == 403;
        };
        if (!allowed || status >= 500) {
            broken.add(method + " " + path + " as " + caller + " (" + access + "): " + status);
        }
    }

    /** Path pattern to its methods: those mapped (all of them when none is named), plus HEAD for GET, plus OPTIONS. */
    private Map<String, Set<String>> mappedHandlers() {
        Map<String, Set<String>> handlers = new LinkedHashMap<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
            Set<String> methods = new LinkedHashSet<>();
            (declared.isEmpty() ? Set.of(RequestMethod.values()) : declared).forEach(m -> methods.add(m.name()));
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
            methods.remove("TRACE");
            for (String pattern : info.getPatternValues()) {
                handlers.computeIfAbsent(pattern, key -> new LinkedHashSet<>()).addAll(methods);
            }
        }
        return handlers;
    }
}
