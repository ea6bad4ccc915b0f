package org.ordersystem.support;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.support.PropertySourceFactory;

/**
 * The settings of {@link WithTestServices}: the fixed ones from its properties file, and the
 * addresses of the running PostgreSQL and Redis (started here if they are not yet), which
 * no file can know.
 */
class TestServicesPropertySource implements PropertySourceFactory {

    static final String NAME = "testServices";

    @Override
    public PropertySource<?> createPropertySource(String name, EncodedResource resource) throws IOException {
        Map<String, Object> settings = new LinkedHashMap<>();
        PropertiesLoaderUtils.loadProperties(resource).forEach((key, value) -> settings.put((String) key, value));
        TestServices services = TestServices.get();
        settings.put("DATABASE_URL", services.databaseUrl());
        settings.put("REDIS_URL", services.redisUrl());
        settings.put("SECRET_KEY", TestServicesExtension.TEST_SECRET_KEY);
        return new MapPropertySource(NAME, settings);
    }
}
