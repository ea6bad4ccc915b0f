package org.ordersystem.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis the limiter's buckets live in: none (in process), the application's, or, when
 * RATELIMIT_STORAGE_URL names another server, a client of its own with the same time budget,
 * which connects on first use and is closed with the application.
 */
final class LimiterRedis implements DisposableBean {

    private final StringRedisTemplate template;
    private final LettuceConnectionFactory ownConnections;
    private final ClientResources ownResources;

    private LimiterRedis(StringRedisTemplate template, LettuceConnectionFactory ownConnections,
            ClientResources ownResources) {
        this.template = template;
        this.ownConnections = ownConnections;
        this.ownResources = ownResources;
    }

    static LimiterRedis none() {
        return new LimiterRedis(null, null, null);
    }

    static LimiterRedis shared(StringRedisTemplate template) {
        return new LimiterRedis(template, null, null);
    }

    static LimiterRedis own(String url, String password, Duration timeout) {
        RedisURI uri = RedisURI.create(url);
        RedisConfiguration server = LettuceConnectionFactory.createRedisConfiguration(uri);
        if (password != null && !password.isBlank() && server instanceof RedisConfiguration.WithPassword target) {
            target.setPassword(password);
        }
        // back within a second of Redis returning, instead of Lettuce's default back-off of up to 30 s
        ClientResources resources = ClientResources.builder()
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
        LettuceConnectionFactory connections = new LettuceConnectionFactory(server, client);
        connections.afterPropertiesSet();
        return new LimiterRedis(new StringRedisTemplate(connections), connections, resources);
    }

    /** Null when the buckets are in process. */
    StringRedisTemplate template() {
        return template;
    }

    @Override
    public void destroy() {
        if (ownConnections != null) {
            ownConnections.destroy();
            ownResources.shutdown();
        }
    }
}
