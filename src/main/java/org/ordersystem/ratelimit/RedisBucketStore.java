package org.ordersystem.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.ordersystem.ratelimit.Rate;

/**
 * Buckets in Redis, shared by every replica. All buckets of a subject are checked and
 * taken by one Lua script: one round trip per request (Bucket4j's Redis proxy needs a
 * read and a compare-and-swap, two). Keys carry a format version and a hash tag.
 */
class RedisBucketStore implements BucketStore, AutoCloseable {

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String script;
    private final String sha;

    RedisBucketStore(String url, String password, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        if (password != null && !password.isBlank()) {
            uri.setPassword(password.toCharArray());
        }
        uri.setTimeout(timeout);
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        this.client.setOptions(io.lettuce.core.ClientOptions.builder()
                .socketOptions(io.lettuce.core.SocketOptions.builder().connectTimeout(timeout.multipliedBy(2)).build())
                .disconnectedBehavior(io.lettuce.core.ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.script = load();
        try {
            this.connection = client.connect();
        }
        catch (RuntimeException ex) {
            client.shutdown(Duration.ZERO, Duration.ZERO);
            resources.shutdown();
            throw ex;
        }
        this.sha = connection.sync().digest(script);
    }

    @Override
    public Decision take(String subject, List<Rate> rates) {
        String[] keys = new String[rates.size()];
        String[] args = new String[rates.size() * 2];
        for (int i = 0; i < rates.size(); i++) {
            Rate rate = rates.get(i);
            keys[i] = "order-backend:rl:v1:{" + subject + "}:" + rate.permits() + "/" + rate.period().toMillis();
            args[2 * i] = Long.toString(rate.permits());
            args[2 * i + 1] = Long.toString(rate.period().toMillis());
        }
        RedisCommands<String, String> redis = connection.sync();
        List<Long> result;
        try {
            result = redis.evalsha(sha, ScriptOutputType.MULTI, keys, args);
        }
        catch (RedisNoScriptException ex) {
            result = redis.eval(script, ScriptOutputType.MULTI, keys, args);
        }
        return new Decision(result.get(0) == 1L, result.get(1), Math.max(0, result.get(2)), result.get(3),
                result.get(4));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown();
    }

    private static String load() {
        try (InputStream in = RedisBucketStore.class.getResourceAsStream("/ratelimit/take.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
