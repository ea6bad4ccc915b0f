package org.ordersystem.resilience;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.ordersystem.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * What a client sent and what it was told, call by call, and afterwards the comparison of
 * the database with it. "Nothing lost" means:
 * <ul>
 * <li>every order answered 201 exists exactly once (one per Idempotency-Key), with the lines and
 * total that were answered;</li>
 * <li>every item answered 201 exists exactly once, on its order;</li>
 * <li>nothing answered 4xx left a row; an order or item whose every answer was a 5xx or a lost
 * connection may exist (the commit can succeed after the client gave up), but then complete;</li>
 * <li>every order's total equals the sum of its lines, and no order has a line nobody sent;</li>
 * <li>a read after an acknowledged write by the same client shows that write (no stale cache).</li>
 * </ul>
 * Every key, note and item name carries this ledger's run id, so ledgers never see each other's rows.
 */
final class Ledger {

    enum Kind {
        CREATE, ADD_ITEM, GET, LIST, ME
    }

    record Line(String name, int quantity, BigDecimal unitPrice) {

        BigDecimal lineTotal() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }

        Map<String, Object> json() {
            return Map.of("name", name, "quantity", quantity, "unit_price", unitPrice);
        }
    }

    /** One attempt: a request and its answer, or the transport failure instead of one. */
    static final class Call {

        final long seq;
        /** The client's logical operation: the first attempt's seq, shared by its retries. */
        volatile long operation;
        final Kind kind;
        /** CREATE: the Idempotency-Key (also the order's notes); ADD_ITEM: the item's name. */
        final String key;
        final List<Line> lines;
        final String via;
        /** The caller's access token; never printed. */
        final String token;
        final long started = System.nanoTime();
        volatile long ended;
        volatile long orderId;
        volatile int status;
        volatile String errorCode;
        volatile boolean retryAfter;
        volatile boolean problemJson;
        volatile String failure;
        volatile BigDecimal total;
        volatile int itemCount = -1;

        Call(long seq, Kind kind, String key, long orderId, List<Line> lines, String via, String token) {
            this.seq = seq;
            this.operation = seq;
            this.token = token;
            this.kind = kind;
            this.key = key;
            this.orderId = orderId;
            this.lines = lines;
            this.via = via;
        }

        long latencyMillis() {
            return (ended - started) / 1_000_000;
        }

        boolean transportFailure() {
            return status == -1;
        }

        /** The request may have been carried out without the client learning so. */
        boolean ambiguous() {
            return status == -1 || status >= 500;
        }

        boolean ok() {
            return status >= 200 && status < 300 || status == 304;
        }

        @Override
        public String toString() {
            return kind + " " + key + " via " + via + " -> " + (status == -1 ? failure : status + " " + errorCode)
                    + " in " + latencyMillis() + " ms";
        }
    }

    /** What the owner of an order must see on the next read. */
    private static final class Expected {
        final String ownerToken;
        int itemCount;
        BigDecimal total;
        boolean uncertain;

        Expected(String ownerToken, int itemCount, BigDecimal total) {
            this.ownerToken = ownerToken;
            this.itemCount = itemCount;
            this.total = total;
        }
    }

    private final String run = "res-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<Long, Expected> expected = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> readProblems = new ConcurrentLinkedQueue<>();

    String run() {
        return run;
    }

    /** A fresh key in this run, e.g. for an Idempotency-Key or an item name. */
    String newKey(String prefix) {
        return run + "-" + prefix + "-" + sequence.incrementAndGet();
    }

    Call begin(Kind kind, String key, long orderId, List<Line> lines, String via, String token) {
        return new Call(sequence.incrementAndGet(), kind, key, orderId, lines, via, token);
    }

    /** Records the answer, and what the client now knows about its order. */
    Call answered(Call call, Api.Response response) {
        call.ended = System.nanoTime();
        call.status = response.status();
        call.retryAfter = response.header("Retry-After") != null;
        String type = response.header("Content-Type");
        call.problemJson = type != null && type.startsWith("application/problem+json");
        JsonNode body = parse(response);
        if (body != null && body.isObject()) {
            call.errorCode = text(body, "error_code");
            if (call.ok()) {
                switch (call.kind) {
                    case CREATE, GET -> {
                        call.orderId = body.path("id").asLong();
                        call.total = body.path("total").decimalValue();
                        call.itemCount = body.path("item_count").asInt();
                    }
                    case ADD_ITEM -> call.total = body.path("order_total").decimalValue();
                    default -> {
                    }
                }
            }
        }
        calls.add(call);
        learn(call);
        return call;
    }

    Call failed(Call call, Exception failure) {
        call.ended = System.nanoTime();
        call.status = -1;
        call.failure = failure.getClass().getSimpleName()
                + (failure.getCause() != null ? "(" + failure.getCause().getClass().getSimpleName() + ")" : "");
        calls.add(call);
        learn(call);
        return call;
    }

    private void learn(Call call) {
        switch (call.kind) {
            case CREATE -> {
                if (call.status == 201) {
                    expected.putIfAbsent(call.orderId, new Expected(call.token, call.itemCount, call.total));
                }
            }
            case ADD_ITEM -> {
                Expected order = expected.get(call.orderId);
                if (order == null) {
                    return;
                }
                synchronized (order) {
                    if (call.status == 201) {
                        order.itemCount++;
                        order.total = call.total;
                    }
                    else if (call.ambiguous()) {
                        order.uncertain = true;
                    }
                }
            }
            case GET -> {
                Expected order = expected.get(call.orderId);
                if (order == null || call.status != 200) {
                    return;
                }
                synchronized (order) {
                    if (!order.uncertain && (order.itemCount != call.itemCount
                            || order.total.compareTo(call.total) != 0)) {
                        readProblems.add("stale read of order " + call.orderId + " via " + call.via + ": "
                                + call.itemCount + " items / " + call.total + ", acknowledged " + order.itemCount
                                + " items / " + order.total);
                    }
                }
            }
            default -> {
            }
        }
    }

    /** Orders acknowledged to their owner, with the owner's token, for a read-back sweep. */
    Map<Long, String> acknowledgedOrders() {
        Map<Long, String> orders = new TreeMap<>();
        expected.forEach((id, order) -> orders.put(id, order.ownerToken));
        return orders;
    }

    /**
     * Reads every acknowledged order back through {@code api}, as its owner; returns how many
     * were read. A read that does not show the acknowledged writes is a problem in {@link #verify}.
     */
    int readBack(Api api, String via) {
        int read = 0;
        for (Map.Entry<Long, String> order : acknowledgedOrders().entrySet()) {
            Call call = begin(Kind.GET, "read-back", order.getKey(), List.of(), via, order.getValue());
            answered(call, api.get("/api/orders/" + order.getKey()).token(order.getValue()).send());
            read++;
        }
        return read;
    }

    List<Call> calls() {
        return calls.stream().sorted(Comparator.comparingLong(c -> c.seq)).toList();
    }

    List<Call> calls(Predicate<Call> filter) {
        return calls().stream().filter(filter).toList();
    }

    static Predicate<Call> startedBetween(long fromNanos, long toNanos) {
        return call -> call.started >= fromNanos && call.started < toNanos;
    }

    static Predicate<Call> kind(Kind... kinds) {
        return call -> List.of(kinds).contains(call.kind);
    }

    /** Latency and answers of a set of calls. */
    record Stats(int count, long p50, long p95, long p99, long max, Map<String, Long> answers) {

        static Stats of(Collection<Call> calls) {
            long[] latencies = calls.stream().mapToLong(Call::latencyMillis).sorted().toArray();
            Map<String, Long> answers = calls.stream().collect(Collectors.groupingBy(
                    call -> call.status == -1 ? "io:" + call.failure
                            : call.status + (call.errorCode == null ? "" : " " + call.errorCode),
                    TreeMap::new, Collectors.counting()));
            return new Stats(latencies.length, percentile(latencies, 50), percentile(latencies, 95),
                    percentile(latencies, 99), latencies.length == 0 ? 0 : latencies[latencies.length - 1], answers);
        }

        private static long percentile(long[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        long count(Predicate<String> answer) {
            return answers.entrySet().stream().filter(e -> answer.test(e.getKey())).mapToLong(Map.Entry::getValue)
                    .sum();
        }

        @Override
        public String toString() {
            return count + " calls, p50 " + p50 + " ms, p95 " + p95 + " ms, p99 " + p99 + " ms, max " + max
                    + " ms, answers " + answers;
        }
    }

    Stats stats(Predicate<Call> filter) {
        return Stats.of(calls(filter));
    }

    /** The result of comparing the database with the ledger. */
    record Verdict(int acknowledgedOrders, int refusedOrders, int committedUnacknowledgedOrders,
            int acknowledgedItems, int committedUnacknowledgedItems, int ordersInDatabase, int itemsInDatabase,
            int reads, List<String> problems) {

        @Override
        public String toString() {
            return "orders acknowledged " + acknowledgedOrders + ", refused and absent " + refusedOrders
                    + ", committed though unacknowledged " + committedUnacknowledgedOrders + "; items acknowledged "
                    + acknowledgedItems + ", committed though unacknowledged " + committedUnacknowledgedItems
                    + "; in database: " + ordersInDatabase + " orders, " + itemsInDatabase + " items; reads checked "
                    + reads + "; problems " + problems.size()
                    + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems.stream().limit(40).toList()));
        }
    }

    private record OrderRow(long id, String notes, BigDecimal total) {
    }

    private record ItemRow(long orderId, String name, int quantity, BigDecimal unitPrice, BigDecimal subtotal) {
    }

    private record Rows(Map<Long, OrderRow> orders, Map<String, List<OrderRow>> ordersByKey,
            Map<Long, List<ItemRow>> itemsByOrder, Map<String, List<ItemRow>> itemsByName, int itemCount) {
    }

    private Rows load(Connection db) throws SQLException {
        Map<Long, OrderRow> orders = new HashMap<>();
        Map<String, List<OrderRow>> ordersByKey = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(
                "select id, observacoes, total from pedidos where observacoes like ?")) {
            query.setString(1, run + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    OrderRow row = new OrderRow(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3));
                    orders.put(row.id(), row);
                    ordersByKey.computeIfAbsent(row.notes(), k -> new ArrayList<>()).add(row);
                }
            }
        }
        Map<Long, List<ItemRow>> itemsByOrder = new HashMap<>();
        Map<String, List<ItemRow>> itemsByName = new HashMap<>();
        int itemCount = 0;
        try (PreparedStatement query = db.prepareStatement("""
                select i.pedido_id, i.nome, i.quantidade, i.preco_unitario, i.subtotal
                from itens i join pedidos p on p.id = i.pedido_id where p.observacoes like ?""")) {
            query.setString(1, run + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ItemRow row = new ItemRow(rows.getLong(1), rows.getString(2), rows.getInt(3),
                            rows.getBigDecimal(4), rows.getBigDecimal(5));
                    itemsByOrder.computeIfAbsent(row.orderId(), k -> new ArrayList<>()).add(row);
                    itemsByName.computeIfAbsent(row.name(), k -> new ArrayList<>()).add(row);
                    itemCount++;
                }
            }
        }
        return new Rows(orders, ordersByKey, itemsByOrder, itemsByName, itemCount);
    }

    /** Compares the database, read through {@code db}, with every call of this ledger. */
    Verdict verify(Connection db) throws SQLException {
        Rows loaded = load(db);
        Map<Long, OrderRow> orders = loaded.orders();
        Map<String, List<OrderRow>> ordersByKey = loaded.ordersByKey();
        Map<Long, List<ItemRow>> itemsByOrder = loaded.itemsByOrder();
        Map<String, List<ItemRow>> itemsByName = loaded.itemsByName();
        int itemCount = loaded.itemCount();

        List<String> problems = new ArrayList<>(readProblems);
        Map<String, List<Call>> creates = new LinkedHashMap<>();
        Map<String, List<Call>> additions = new LinkedHashMap<>();
        for (Call call : calls()) {
            if (call.kind == Kind.CREATE) {
                creates.computeIfAbsent(call.key, k -> new ArrayList<>()).add(call);
            }
            else if (call.kind == Kind.ADD_ITEM) {
                additions.computeIfAbsent(call.key, k -> new ArrayList<>()).add(call);
            }
        }

        int acknowledged = 0;
        int refused = 0;
        int unacknowledged = 0;
        java.util.Set<String> knownItems = new java.util.HashSet<>();
        for (Map.Entry<String, List<Call>> entry : creates.entrySet()) {
            String key = entry.getKey();
            List<Call> attempts = entry.getValue();
            List<Line> requested = attempts.get(0).lines;
            requested.forEach(line -> knownItems.add(line.name()));
            List<OrderRow> rows = ordersByKey.getOrDefault(key, List.of());
            List<Call> acks = attempts.stream().filter(c -> c.status == 201).toList();
            boolean mayExist = attempts.stream().anyMatch(Call::ambiguous);
            if (rows.size() > 1) {
                problems.add("order key " + key + " exists " + rows.size() + " times");
                continue;
            }
            OrderRow row = rows.isEmpty() ? null : rows.get(0);
            if (!acks.isEmpty()) {
                acknowledged++;
                if (row == null) {
                    problems.add("order " + acks.get(0).orderId + " (key " + key + ") was answered 201 but is missing");
                    continue;
                }
                for (Call ack : acks) {
                    if (ack.orderId != row.id()) {
                        problems.add("key " + key + " answered order " + ack.orderId + " but the database has "
                                + row.id());
                    }
                    BigDecimal answeredTotal = sum(requested);
                    if (ack.total == null || ack.total.compareTo(answeredTotal) != 0
                            || ack.itemCount != requested.size()) {
                        problems.add("order " + row.id() + " was answered with " + ack.itemCount + " items / total "
                                + ack.total + " for a request of " + requested.size() + " / " + answeredTotal);
                    }
                }
            }
            else if (row == null) {
                refused++;
                continue;
            }
            else if (!mayExist) {
                problems.add("order " + row.id() + " (key " + key + ") exists although every answer was "
                        + attempts.stream().map(c -> String.valueOf(c.status)).toList());
                continue;
            }
            else {
                unacknowledged++;
            }
            List<ItemRow> initial = itemsByOrder.getOrDefault(row.id(), List.of()).stream()
                    .filter(item -> item.name().startsWith(key + "-l")).toList();
            if (!sameLines(requested, initial)) {
                problems.add("order " + row.id() + " (key " + key + ") is partial or altered: requested "
                        + requested + ", stored " + initial);
            }
        }

        int itemsAcknowledged = 0;
        int itemsUnacknowledged = 0;
        for (Map.Entry<String, List<Call>> entry : additions.entrySet()) {
            String name = entry.getKey();
            knownItems.add(name);
            List<Call> attempts = entry.getValue();
            Line line = attempts.get(0).lines.get(0);
            long orderId = attempts.get(0).orderId;
            List<ItemRow> rows = itemsByName.getOrDefault(name, List.of());
            boolean acked = attempts.stream().anyMatch(c -> c.status == 201);
            boolean mayExist = attempts.stream().anyMatch(Call::ambiguous);
            if (rows.size() > 1) {
                problems.add("item " + name + " exists " + rows.size() + " times");
                continue;
            }
            if (acked) {
                itemsAcknowledged++;
                if (rows.isEmpty()) {
                    problems.add("item " + name + " on order " + orderId + " was answered 201 but is missing");
                    continue;
                }
            }
            else if (!rows.isEmpty()) {
                if (!mayExist) {
                    problems.add("item " + name + " exists although every answer was "
                            + attempts.stream().map(c -> String.valueOf(c.status)).toList());
                    continue;
                }
                itemsUnacknowledged++;
            }
            if (!rows.isEmpty()) {
                ItemRow row = rows.get(0);
                if (row.orderId() != orderId || row.quantity() != line.quantity()
                        || row.unitPrice().compareTo(line.unitPrice()) != 0) {
                    problems.add("item " + name + " is stored as " + row + ", requested " + line + " on " + orderId);
                }
            }
        }

        for (OrderRow order : orders.values()) {
            List<ItemRow> items = itemsByOrder.getOrDefault(order.id(), List.of());
            BigDecimal lines = items.stream().map(ItemRow::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (order.total().compareTo(lines) != 0) {
                problems.add("order " + order.id() + " total " + order.total() + " differs from its lines " + lines);
            }
            for (ItemRow item : items) {
                if (!knownItems.contains(item.name())) {
                    problems.add("order " + order.id() + " has a line nobody sent: " + item);
                }
                if (item.subtotal().compareTo(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity()))) != 0) {
                    problems.add("line " + item + " has a wrong subtotal");
                }
            }
            if (!creates.containsKey(order.notes())) {
                problems.add("order " + order.id() + " has a key nobody sent: " + order.notes());
            }
        }
        int reads = (int) calls.stream().filter(c -> c.kind == Kind.GET && c.status == 200).count();
        return new Verdict(acknowledged, refused, unacknowledged, itemsAcknowledged, itemsUnacknowledged,
                orders.size(), itemCount, reads, problems);
    }

    /** What a restored copy holds compared with the ledger, as of its snapshot. */
    record RestoreVerdict(int mustBePresent, int mustBeAbsent, int inFlight, int inFlightPresent, int ordersRestored,
            int itemsRestored, List<String> problems) {

        @Override
        public String toString() {
            return "orders acknowledged before the snapshot " + mustBePresent + ", sent after it " + mustBeAbsent
                    + ", in flight " + inFlight + " (of which restored " + inFlightPresent + "); restored "
                    + ordersRestored + " orders, " + itemsRestored + " items; problems " + problems.size()
                    + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems.stream().limit(40).toList()));
        }
    }

    /**
     * Checks a copy of the database taken by a snapshot that was made at some instant between
     * {@code snapshotFrom} and {@code snapshotTo} (System.nanoTime): every order and item answered
     * 201 before {@code snapshotFrom} is in it, complete; nothing sent after {@code snapshotTo} is;
     * whatever was in flight is either absent or complete; every total equals its lines.
     */
    RestoreVerdict verifyRestore(Connection copy, long snapshotFrom, long snapshotTo) throws SQLException {
        Rows rows = load(copy);
        List<String> problems = new ArrayList<>();
        int present = 0;
        int absent = 0;
        int inFlight = 0;
        int inFlightPresent = 0;
        Map<String, List<Call>> creates = new LinkedHashMap<>();
        Map<String, List<Call>> additions = new LinkedHashMap<>();
        for (Call call : calls()) {
            if (call.kind == Kind.CREATE) {
                creates.computeIfAbsent(call.key, k -> new ArrayList<>()).add(call);
            }
            else if (call.kind == Kind.ADD_ITEM) {
                additions.computeIfAbsent(call.key, k -> new ArrayList<>()).add(call);
            }
        }
        java.util.Set<String> knownItems = new java.util.HashSet<>(additions.keySet());
        for (Map.Entry<String, List<Call>> entry : creates.entrySet()) {
            List<Call> attempts = entry.getValue();
            attempts.get(0).lines.forEach(line -> knownItems.add(line.name()));
            boolean before = attempts.stream().anyMatch(c -> c.status == 201 && c.ended < snapshotFrom);
            boolean after = attempts.stream().allMatch(c -> c.started > snapshotTo);
            boolean refused = attempts.stream().noneMatch(c -> c.status == 201 || c.ambiguous());
            List<OrderRow> found = rows.ordersByKey().getOrDefault(entry.getKey(), List.of());
            if (found.size() > 1) {
                problems.add("order key " + entry.getKey() + " restored " + found.size() + " times");
                continue;
            }
            if (before) {
                present++;
                if (found.isEmpty()) {
                    problems.add("order " + attempts.get(0).orderId + " acknowledged before the snapshot is missing");
                    continue;
                }
            }
            else if (after || refused) {
                absent++;
                if (!found.isEmpty()) {
                    problems.add("order " + found.get(0).id() + " sent after the snapshot (or refused) was restored");
                }
                continue;
            }
            else {
                inFlight++;
                if (found.isEmpty()) {
                    continue;
                }
                inFlightPresent++;
            }
            String key = entry.getKey();
            List<ItemRow> initial = rows.itemsByOrder().getOrDefault(found.get(0).id(), List.of()).stream()
                    .filter(item -> item.name().startsWith(key + "-l")).toList();
            if (!sameLines(attempts.get(0).lines, initial)) {
                problems.add("restored order " + found.get(0).id() + " is partial: requested " + attempts.get(0).lines
                        + ", restored " + initial);
            }
        }
        for (Map.Entry<String, List<Call>> entry : additions.entrySet()) {
            List<Call> attempts = entry.getValue();
            boolean before = attempts.stream().anyMatch(c -> c.status == 201 && c.ended < snapshotFrom);
            boolean after = attempts.stream().allMatch(c -> c.started > snapshotTo);
            List<ItemRow> found = rows.itemsByName().getOrDefault(entry.getKey(), List.of());
            if (found.size() > 1 || before && found.isEmpty() || after && !found.isEmpty()) {
                problems.add("item " + entry.getKey() + " restored " + found.size() + " times (acknowledged before the "
                        + "snapshot: " + before + ", sent after it: " + after + ")");
            }
        }
        for (OrderRow order : rows.orders().values()) {
            List<ItemRow> items = rows.itemsByOrder().getOrDefault(order.id(), List.of());
            BigDecimal lines = items.stream().map(ItemRow::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (order.total().compareTo(lines) != 0) {
                problems.add("restored order " + order.id() + " total " + order.total() + " differs from its lines "
                        + lines);
            }
            items.stream().filter(item -> !knownItems.contains(item.name()))
                    .forEach(item -> problems.add("restored order " + order.id() + " has a line nobody sent: " + item));
        }
        return new RestoreVerdict(present, absent, inFlight, inFlightPresent, rows.orders().size(), rows.itemCount(),
                problems);
    }

    /** Every order's total equals the sum of its lines, in the whole database. */
    static long ordersWhoseTotalDiffersFromTheirLines(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select count(*) from pedidos p
                where p.total <> (select coalesce(sum(i.subtotal), 0) from itens i where i.pedido_id = p.id)""");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean sameLines(List<Line> requested, List<ItemRow> stored) {
        if (requested.size() != stored.size()) {
            return false;
        }
        Map<String, ItemRow> byName = stored.stream().collect(Collectors.toMap(ItemRow::name, r -> r, (a, b) -> a));
        for (Line line : requested) {
            ItemRow row = byName.get(line.name());
            if (row == null || row.quantity() != line.quantity() || row.unitPrice().compareTo(line.unitPrice()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal sum(List<Line> lines) {
        return lines.stream().map(Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static JsonNode parse(Api.Response response) {
        String text = response.text();
        if (text == null || text.isBlank() || !(text.startsWith("{") || text.startsWith("["))) {
            return null;
        }
        try {
            return response.json();
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }
}
