package org.ordersystem.console;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordersystem.support.AppInstance;
import org.ordersystem.support.WithTestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's settings: {@code CONSOLE_ENABLED=false} makes its paths 404 and leaves the API
 * as it is; its request limit refuses a person beyond it with the 429 page.
 */
@WithTestServices
class ConsoleSettingsTests {

    @Test
    void theConsoleAnswersNotFoundAndTheApiStillAnswers() {
        try (AppInstance app = AppInstance.start("CONSOLE_ENABLED=false")) {
            ConsoleBrowser browser = new ConsoleBrowser(app.port());
            for (String path : new String[] { "/", "/ui", "/ui/sign-in", "/ui/orders", "/ui/admin/users" }) {
                assertThat(browser.get(path).statusCode()).as(path).isEqualTo(404);
            }
            assertThat(browser.postRaw("/ui/sign-in", Map.of("email", "a@b.c", "password", "x"))
                    .statusCode()).isEqualTo(404);
            assertThat(app.api().get("/health/readiness").send().status()).isEqualTo(200);
        }
    }

    @Test
    void aPersonBeyondTheConsolesRequestLimitGetsTheTooManyRequestsPage() {
        try (AppInstance app = AppInstance.start("order.console.rate-limit=5/minute")) {
            ConsoleBrowser browser = new ConsoleBrowser(app.port());
            for (int i = 0; i < 5; i++) {
                assertThat(browser.get("/ui/sign-in").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = browser.get("/ui/sign-in");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("Too many requests");
            // the API has its own limit
            assertThat(app.api().get("/health/readiness").send().status()).isEqualTo(200);
        }
    }
}
