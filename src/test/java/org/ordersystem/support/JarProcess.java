package org.ordersystem.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The packaged jar run as its own process, the way production runs it (from its
 * ahead-of-time bean definitions, as the image does), against the shared PostgreSQL and
 * Redis: for tests of signals, process exit and the start itself.
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private JarProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static JarProcess start(Map<String, String> environment) {
        return start(environment, List.of("-Xmx256m"));
    }

    /** With these JVM options instead of the default heap limit. */
    public static JarProcess start(Map<String, String> environment, List<String> jvmOptions) {
        String jar = System.getProperty("app.jar", "target/order-backend-0.1.0-SNAPSHOT.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("The packaged jar " + jar + " is missing: run 'mvn -B verify'");
        }
        TestServices services = TestServices.get();
        int port = TestServices.freePort();
        try {
            Path log = Files.createTempFile("order-backend-", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-Dspring.aot.enabled=true", "-jar", jar));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("PORT", String.valueOf(port), "ENVIRONMENT", "test",
                    "DATABASE_URL", services.databaseUrl(), "REDIS_URL", services.redisUrl(),
                    "SECRET_KEY", TestServicesExtension.TEST_SECRET_KEY, "RATELIMIT_DEFAULT", "100000/hour"));
            builder.environment().putAll(environment);
            JarProcess jarProcess = new JarProcess(builder.start(), log, port);
            Api api = jarProcess.api();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> api.get("/health/readiness").send().status() == 200);
            return jarProcess;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public Api api() {
        return new Api(port);
    }

    public int port() {
        return port;
    }

    /** SIGTERM, as Kubernetes sends it. */
    public void terminate() {
        process.destroy();
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The process did not exit within " + timeout);
        }
        return process.exitValue();
    }

    public String log() {
        try {
            return new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

}
