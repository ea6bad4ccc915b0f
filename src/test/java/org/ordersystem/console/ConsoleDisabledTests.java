package org.ordersystem.console;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordersystem.support.AppInstance;
import org.ordersystem.support.WithTestServices;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code CONSOLE_ENABLED=false}: the console's paths are 404, the API unchanged. */
@WithTestServices
class ConsoleDisabledTests {

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
}
