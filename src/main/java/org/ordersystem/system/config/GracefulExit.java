package org.ordersystem.system.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SIGTERM (a rolling deploy) closes the application gracefully and exits with status 0,
 * not the JVM's 143: readiness turns DOWN, in-flight requests finish (up to 30 s), the
 * pool closes. Installed by {@code main} only, never in tests.
 */
public final class GracefulExit {

    private static final Logger log = LoggerFactory.getLogger(GracefulExit.class);

    private GracefulExit() {
    }

    public static void onSigterm(ConfigurableApplicationContext context) {
        try {
            Signal.handle(new Signal("TERM"), signal -> {
                log.info("SIGTERM received: shutting down gracefully");
                Thread exit = new Thread(() -> System.exit(SpringApplication.exit(context)), "graceful-exit");
                exit.start();
            });
        }
        catch (IllegalArgumentException | UnsupportedOperationException ex) {
            log.warn("Cannot handle SIGTERM here; the JVM default applies ({})", ex.toString());
        }
    }
}
