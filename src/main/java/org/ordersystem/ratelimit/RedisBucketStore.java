package org.ordersystem.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Buckets in Redis, shared by every replica. All buckets of a subject are checked and
 * taken by one Lua script: one round trip per request (Bucket4j's Redis proxy needs a
 * read and a compare-and-swap, two). Keys carry a format version and a hash tag.
 * <p>
 * The connection is the limiter's own, not the application's: RATELIMIT_STORAGE_URL may
 * name another Redis than REDIS_URL, and the limiter must not wait longer than its short
 * command timeout. It is opened by the constructor, which fails when Redis cannot be reached.
 */
class RedisBucketStore implements BucketStore, AutoCloseable {

    /** Read once, as text: a script given as a Resource is checked for changes on every call, once per request here. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TAKE = RedisScript.of(script("/ratelimit/take.lua"), List.class);

    private final ClientResources resources;
    private final LettuceConnectionFactory connections;
    private final StringRedisTemplate redis;

    RedisBucketStore(String url, String password, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        RedisConfiguration server = LettuceConnectionFactory.createRedisConfiguration(uri);
        if (password != null && !password.isBlank() && server instanceof RedisConfiguration.WithPassword target) {
            target.setPassword(password);
        }
        // back within a second of Redis returning, instead of Lettuce's default back-off of up to 30 s
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .apply(uri)
                .commandTimeout(timeout)
                .clientResources(resources)
                .clientOptions(ClientOptions.builder()
                        .socketOptions(SocketOptions.builder().connectTimeout(timeout.multipliedBy(2)).build())
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build())
                .build();
        this.connections = new LettuceConnectionFactory(server, client);
        connections.afterPropertiesSet();
        this.redis = new StringRedisTemplate(connections);
        try {
            // connect now: a Redis that cannot be reached fails the constructor, not the first take()
            redis.execute((RedisCallback<String>) RedisConnection::ping);
        }
        catch (RuntimeException ex) {
            close();
            throw ex;
        }
    }

    @Override
    public Decision take(String subject, List<Rate> rates) {
        List<String> keys = new ArrayList<>(rates.size());
        Object[] args = new Object[rates.size() * 2];
        for (int i = 0; i < rates.size(); i++) {
            Rate rate = rates.get(i);
            keys.add("order-backend:rl:v1:{" + subject + "}:" + rate.permits() + "/" + rate.period().toMillis());
            args[2 * i] = Long.toString(rate.permits());
            args[2 * i + 1] = Long.toString(rate.period().toMillis());
        }
        // Spring Data Redis sends EVALSHA, and EVAL when Redis does not know the script (yet, or after a restart)
        List<?> result = redis.execute(TAKE, keys, args);
        return new Decision(number(result, 0) == 1L, number(result, 1), Math.max(0, number(result, 2)),
                number(result, 3), number(result, 4));
    }

    @Override
    public void close() {
        connections.destroy();
        resources.shutdown();
    }

    private static String script(String path) {
        try {
            return new ClassPathResource(path, RedisBucketStore.class).getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static long number(List<?> result, int index) {
        return ((Number) result.get(index)).longValue();
    }
}
