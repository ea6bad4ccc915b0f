package org.ordersystem.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import redis.embedded.RedisServer;

import org.springframework.boot.SpringApplication;

/**
 * The one place that gives integration tests a real PostgreSQL and a real Redis, once
 * per test JVM: containers when a Docker engine is present, else the embedded
 * PostgreSQL and Redis binaries from Maven Central. Each runs on a fixed port for the
 * whole run, so a test can stop and start it and the application reconnects.
 */
public final class TestServices {

    private static TestServices instance;

    private final Database database;
    private final Cache cache;

    private TestServices(boolean docker) throws IOException {
        this.database = docker ? new ContainerDatabase() : new EmbeddedDatabase();
        this.cache = docker ? new ContainerCache() : new EmbeddedCache();
    }

    public static synchronized TestServices get() {
        if (instance == null) {
            boolean docker;
            if ("containers".equals(System.getenv("ORDER_BACKEND_TEST_SERVICES"))) {
                // CI's Testcontainers run: no quiet fall-back to the embedded servers; this throws why not
                DockerClientFactory.instance().client();
                docker = true;
            }
            else {
                docker = dockerAvailable();
            }
            try {
                instance = new TestServices(docker);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            // after Spring has closed every application context of the run: closing, their pools
            // and the event publication registry still talk to PostgreSQL and Redis (a JVM hook of
            // our own would race them, and each context would wait out its connection timeout)
            SpringApplication.getShutdownHandlers().add(instance::close);
        }
        return instance;
    }

    public String databaseUrl() {
        return "postgresql://postgres:postgres@127.0.0.1:" + database.port() + "/postgres";
    }

    public String jdbcUrl() {
        return jdbcUrlOn(database.port());
    }

    private static String jdbcUrlOn(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String redisUrl() {
        return "redis://127.0.0.1:" + cache.port() + "/0";
    }

    public void stopRedis() {
        cache.stop();
    }

    public void startRedis() {
        cache.start();
    }

    public void stopPostgres() {
        database.stop();
    }

    public void startPostgres() {
        database.start();
    }

    /**
     * Crashes PostgreSQL the way {@code pg_ctl stop -m immediate} does: every backend is killed
     * at once, nothing is checkpointed, open connections break; {@link #startPostgres()} then
     * starts it again on the same port and data, with crash recovery. (With containers: the
     * container is killed.)
     */
    public void crashPostgres() {
        database.crash();
    }

    private void close() {
        cache.stop();
        database.stop();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (Throwable ex) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private interface Database {
        int port();

        void stop();

        void start();

        void crash();
    }

    private interface Cache {
        int port();

        void stop();

        void start();
    }

    private static final class EmbeddedDatabase implements Database {

        private final int port = freePort();
        private final Path directory = Files.createTempDirectory("order-backend-test-pg");
        private EmbeddedPostgres postgres;

        EmbeddedDatabase() throws IOException {
            start();
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public synchronized void start() {
            if (postgres == null) {
                try {
                    // stopped by TestServices after the contexts have closed, not by a hook of its own
                    postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(directory)
                            .setCleanDataDirectory(false).setRegisterShutdownHook(false)
                            .setServerConfig("max_connections", "300").setServerConfig("fsync", "off").start();
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }

        @Override
        public synchronized void stop() {
            if (postgres != null) {
                try {
                    postgres.close();
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                postgres = null;
            }
        }

        private static int run(List<String> command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor();
        }

        @Override
        public synchronized void crash() {
            if (postgres == null) {
                return;
            }
            try {
                long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip());
                ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(
                        () -> new IllegalStateException("The postmaster " + pid + " is not running"));
                java.util.Optional<Path> pgCtl = postmaster.info().command().map(Path::of)
                        .map(command -> command.resolveSibling("pg_ctl")).filter(Files::isExecutable);
                List<String> immediate = new java.util.ArrayList<>();
                if ("root".equals(System.getProperty("user.name"))) {
                    immediate.addAll(List.of("unshare", "-U")); // pg_ctl refuses root; zonky starts it this way too
                }
                pgCtl.ifPresent(path -> immediate.addAll(List.of(path.toString(), "-D", directory.toString(), "stop",
                        "-m", "immediate", "-w", "-t", "30")));
                // SIGQUIT is what pg_ctl -m immediate sends to the postmaster
                List<String> signal = List.of("kill", "-QUIT", String.valueOf(pid));
                if (pgCtl.isEmpty() || run(immediate) != 0) {
                    if (run(signal) != 0) {
                        throw new IllegalStateException("Could not crash PostgreSQL (pid " + pid + ")");
                    }
                }
                postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
                throw new IllegalStateException("PostgreSQL did not go away after the crash", ex);
            }
            // Releases the handle's lock on the data directory; its own stop finds no server (it logs so).
            stop();
        }
    }

    private static final class EmbeddedCache implements Cache {

        private final int port = freePort();
        private final RedisServer server;

        EmbeddedCache() throws IOException {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").build();
            start();
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public synchronized void start() {
            if (!server.isActive()) {
                try {
                    server.start();
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }

        @Override
        public synchronized void stop() {
            if (server.isActive()) {
                try {
                    server.stop();
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }
    }

    /**
     * A service's image: the official one unless the environment names another, e.g. CI's
     * images made from Debian's packages where no registry is reachable (.ci/testcontainers.sh).
     */
    private static DockerImageName image(String variable, String official) {
        String chosen = System.getenv(variable);
        DockerImageName name = DockerImageName.parse(official);
        return chosen == null || chosen.isBlank() ? name
                : DockerImageName.parse(chosen).asCompatibleSubstituteFor(name.getUnversionedPart());
    }

    /**
     * The containers share the host's network, each on a port of its own, as the embedded
     * servers do: no port mapping (an engine without a bridge has none) and the same address
     * after a stop and start.
     */
    private static final class ContainerDatabase implements Database {

        private final int port = freePort();
        private final PostgreSQLContainer container = new PostgreSQLContainer(
                image("ORDER_BACKEND_TEST_POSTGRES_IMAGE", "postgres:15-alpine")) {
            @Override
            public String getJdbcUrl() {
                return jdbcUrlOn(port); // its own port on the host network, not a mapped one
            }
        };

        ContainerDatabase() {
            container.withDatabaseName("postgres").withUsername("postgres").withPassword("postgres")
                    .withNetworkMode("host");
            container.setCommand("postgres", "-c", "fsync=off", "-c", "port=" + port, "-c", "max_connections=300");
            container.setExposedPorts(List.of()); // no mapping to wait for
            container.start();
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public void stop() {
            stopContainer(container);
        }

        @Override
        public void start() {
            startContainer(container, port);
        }

        @Override
        public void crash() {
            try {
                DockerClientFactory.lazyClient().killContainerCmd(container.getContainerId()).exec();
            }
            catch (ConflictException notRunning) {
                // like the embedded server's: nothing to crash
            }
        }
    }

    private static final class ContainerCache implements Cache {

        private final int port = freePort();
        private final GenericContainer<?> container = new GenericContainer<>(
                image("ORDER_BACKEND_TEST_REDIS_IMAGE", "redis:7-alpine"));

        ContainerCache() {
            container.withNetworkMode("host").withCommand("redis-server", "--port", String.valueOf(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no")
                    .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\n", 1));
            container.start();
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public void stop() {
            stopContainer(container);
        }

        @Override
        public void start() {
            startContainer(container, port);
        }
    }

    /** As the embedded servers' stop: nothing to do when it is not running. */
    private static void stopContainer(GenericContainer<?> container) {
        try {
            DockerClientFactory.lazyClient().stopContainerCmd(container.getContainerId()).exec();
        }
        catch (NotModifiedException alreadyStopped) {
            // nothing to stop
        }
    }

    /** As the embedded servers' start: returns once the port is open, also when it was running already. */
    private static void startContainer(GenericContainer<?> container, int port) {
        try {
            DockerClientFactory.lazyClient().startContainerCmd(container.getContainerId()).exec();
        }
        catch (NotModifiedException alreadyRunning) {
            // started before
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            }
            catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new UncheckedIOException("The container did not open port " + port, notYet);
                }
                try {
                    Thread.sleep(100);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ex);
                }
            }
        }
    }
}
