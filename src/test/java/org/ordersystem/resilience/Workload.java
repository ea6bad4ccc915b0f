package org.ordersystem.resilience;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.ordersystem.support.Accounts;
import org.ordersystem.support.Api;

/**
 * A bounded, closed-loop client load on loopback: each worker is one signed-in user who
 * places orders (with an Idempotency-Key), adds items to them, reads them back and lists
 * them, and records every call in the {@link Ledger}.
 */
final class Workload implements AutoCloseable {

    /** Relative weights of the operations. */
    record Mix(int create, int addItem, int get, int list, int me) {

        static Mix mixed() {
            return new Mix(30, 25, 30, 10, 5);
        }

        static Mix writes() {
            return new Mix(60, 40, 0, 0, 0);
        }

        static Mix failoverSafe() {
            return new Mix(45, 0, 40, 15, 0);
        }

        int total() {
            return create + addItem + get + list + me;
        }
    }

    /** Where a request goes; records each attempt in the ledger and returns the last one. */
    interface Router {

        Ledger.Call send(Ledger ledger, Ledger.Kind kind, String key, long orderId, List<Ledger.Line> lines,
                String token, Function<Api, Api.Request> request, boolean retrySafe);

        static Router single(String name, Api api) {
            return (ledger, kind, key, orderId, lines, token, request, retrySafe) -> {
                Ledger.Call call = ledger.begin(kind, key, orderId, lines, name, token);
                try {
                    return ledger.answered(call, request.apply(api).send());
                }
                catch (UncheckedIOException ex) {
                    return ledger.failed(call, ex);
                }
            };
        }
    }

    /**
     * A load balancer as a client library: round robin over the instances not known to be
     * down; a refused connection or a 503 sends the request to the next instance, when that is
     * safe (an Idempotency-Key, a read, or a request that provably never reached the server).
     */
    static final class Failover implements Router {

        static final int MAX_ATTEMPTS = 8;

        private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicLong failovers = new AtomicLong();

        private static final class Endpoint {
            final String name;
            final Api api;
            volatile long downUntil;

            Endpoint(String name, Api api) {
                this.name = name;
                this.api = api;
            }
        }

        void add(String name, Api api) {
            endpoints.add(new Endpoint(name, api));
        }

        void remove(String name) {
            endpoints.removeIf(e -> e.name.equals(name));
        }

        long failovers() {
            return failovers.get();
        }

        private Endpoint pick() {
            List<Endpoint> all = List.copyOf(endpoints);
            long now = System.nanoTime();
            for (int i = 0; i < all.size(); i++) {
                Endpoint candidate = all.get(Math.floorMod(next.getAndIncrement(), all.size()));
                if (candidate.downUntil < now) {
                    return candidate;
                }
            }
            return all.get(Math.floorMod(next.getAndIncrement(), all.size()));
        }

        @Override
        public Ledger.Call send(Ledger ledger, Ledger.Kind kind, String key, long orderId, List<Ledger.Line> lines,
                String token, Function<Api, Api.Request> request, boolean retrySafe) {
            Ledger.Call last = null;
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                Endpoint endpoint = pick();
                Ledger.Call call = ledger.begin(kind, key, orderId, lines, endpoint.name, token);
                if (last != null) {
                    call.operation = last.operation;
                }
                boolean retry;
                try {
                    last = ledger.answered(call, request.apply(endpoint.api).send());
                    // a 503 without a problem body is the web server refusing while it shuts down: never processed
                    retry = last.status == 503 && (retrySafe || !last.problemJson)
                            || last.status == 409 && "IDEMPOTENCY_IN_PROGRESS".equals(last.errorCode);
                    if (last.status == 503) {
                        endpoint.downUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                    }
                }
                catch (UncheckedIOException ex) {
                    last = ledger.failed(call, ex);
                    endpoint.downUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                    retry = retrySafe || ex.getCause() instanceof ConnectException;
                }
                if (!retry) {
                    return last;
                }
                failovers.incrementAndGet();
                if (last.status == 409) {
                    pause(Duration.ofMillis(100));
                }
            }
            return last;
        }
    }

    private final Ledger ledger;
    private final Router router;
    private final List<Accounts.Account> accounts;
    private final Mix mix;
    private final Duration pause;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong operations = new AtomicLong();
    private volatile boolean running;

    Workload(Ledger ledger, Router router, List<Accounts.Account> accounts, Mix mix, Duration pause) {
        this.ledger = ledger;
        this.router = router;
        this.accounts = accounts;
        this.mix = mix;
        this.pause = pause;
    }

    /** Signs up {@code count} users through {@code api}. */
    static List<Accounts.Account> users(Api api, int count) {
        Accounts accounts = new Accounts(api);
        List<Accounts.Account> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(accounts.newUser());
        }
        return users;
    }

    Workload start() {
        running = true;
        for (int i = 0; i < accounts.size(); i++) {
            Accounts.Account account = accounts.get(i);
            long seed = 7919L * (i + 1);
            Thread worker = new Thread(() -> work(account, new Random(seed)), "load-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        return this;
    }

    /** Stops the workers; each finishes the call it is making. */
    void stop() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(45));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            if (worker.isAlive()) {
                throw new AssertionError("A load worker is still waiting for an answer after 45 s");
            }
        }
    }

    long operations() {
        return operations.get();
    }

    @Override
    public void close() {
        if (running) {
            stop();
        }
    }

    private void work(Accounts.Account account, Random random) {
        Map<Long, Integer> orders = new LinkedHashMap<>();
        while (running) {
            int pick = random.nextInt(mix.total());
            List<Long> ids = new ArrayList<>(orders.keySet());
            if (pick < mix.create() || ids.isEmpty()) {
                create(account, random, orders);
            }
            else if ((pick -= mix.create()) < mix.addItem()) {
                long id = ids.get(random.nextInt(ids.size()));
                if (orders.get(id) < 90) {
                    addItem(account, random, id, orders);
                }
            }
            else if ((pick -= mix.addItem()) < mix.get()) {
                long id = ids.get(random.nextInt(ids.size()));
                router.send(ledger, Ledger.Kind.GET, "get", id, List.of(), account.token(),
                        api -> api.get("/api/orders/" + id).token(account.token()), true);
            }
            else if (pick - mix.get() < mix.list()) {
                router.send(ledger, Ledger.Kind.LIST, "list", 0, List.of(), account.token(),
                        api -> api.get("/api/orders?size=5").token(account.token()), true);
            }
            else {
                router.send(ledger, Ledger.Kind.ME, "me", 0, List.of(), account.token(),
                        api -> api.get("/api/users/me").token(account.token()), true);
            }
            operations.incrementAndGet();
            if (!pause.isZero()) {
                pause(pause);
            }
        }
    }

    private void create(Accounts.Account account, Random random, Map<Long, Integer> orders) {
        String key = ledger.newKey("o");
        List<Ledger.Line> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 1; i <= count; i++) {
            lines.add(line(key + "-l" + i, random));
        }
        Ledger.Call call = router.send(ledger, Ledger.Kind.CREATE, key, 0, lines, account.token(),
                api -> api.post("/api/orders").token(account.token()).header("Idempotency-Key", key)
                        .json(createBody(key, lines)), true);
        if (call.status == 201) {
            orders.put(call.orderId, count);
            if (orders.size() > 20) {
                orders.remove(orders.keySet().iterator().next());
            }
        }
    }

    private void addItem(Accounts.Account account, Random random, long orderId, Map<Long, Integer> orders) {
        Ledger.Line line = line(ledger.newKey("a"), random);
        Ledger.Call call = router.send(ledger, Ledger.Kind.ADD_ITEM, line.name(), orderId, List.of(line),
                account.token(), api -> api.post("/api/orders/" + orderId + "/items").token(account.token())
                        .json(line.json()), false);
        if (call.status == 201 || call.ambiguous()) {
            orders.merge(orderId, 1, Integer::sum);
        }
    }

    static Map<String, Object> createBody(String key, List<Ledger.Line> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("notes", key);
        body.put("items", lines.stream().map(Ledger.Line::json).toList());
        return body;
    }

    static Ledger.Line line(String name, Random random) {
        return new Ledger.Line(name, 1 + random.nextInt(5), BigDecimal.valueOf(100 + random.nextInt(9900), 2));
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
