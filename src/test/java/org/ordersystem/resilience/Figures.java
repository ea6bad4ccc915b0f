package org.ordersystem.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The figures of a scenario's run (latencies, counts), printed to the test output and
 * appended to {@code target/resilience/<scenario>.txt}, from where docs/reliability.md takes them.
 * Never a token, password or database URL.
 */
final class Figures {

    private final String scenario;
    private final Path file;

    Figures(String scenario) {
        this.scenario = scenario;
        this.file = Path.of("target", "resilience", scenario + ".txt");
        write("--- run " + Instant.now());
    }

    void record(String name, Object value) {
        write(name + ": " + value);
    }

    private void write(String line) {
        System.out.println("[resilience " + scenario + "] " + line);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
