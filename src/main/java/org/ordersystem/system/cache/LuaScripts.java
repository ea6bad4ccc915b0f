package org.ordersystem.system.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** Redis scripts kept as class-path files. */
public final class LuaScripts {

    private LuaScripts() {
    }

    /**
     * The script at {@code path}, read once as text: a script given as a Resource is checked
     * for changes on every call, which on the hot path costs a look into the jar per command.
     */
    public static <T> RedisScript<T> of(String path, Class<T> resultType) {
        try {
            return RedisScript.of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), resultType);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
