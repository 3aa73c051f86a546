package io.sectorsphere.storage.config;

import io.sectorsphere.storage.StorageApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds {@code storage-service.properties} (port 6200, problem details, probes, ...) to a storage
 * node's environment below everything else, even below {@code SpringApplicationBuilder.properties}.
 *
 * <p>Not {@code application.yml}: the local cluster runs several deployables in one JVM, where only
 * the first {@code application.yml} on the class path is read, by all of them. Not
 * {@code @PropertySource} either: that would override the builder's properties. Applications other
 * than the storage node are left alone.
 */
public class StorageDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "storage-service.properties";
    private static final String DEFAULT_PROPERTIES = "defaultProperties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!application.getAllSources().contains(StorageApplication.class)) {
            return;
        }
        Map<String, Object> merged = new HashMap<>(load());
        MutablePropertySources sources = environment.getPropertySources();
        PropertySource<?> given = sources.get(DEFAULT_PROPERTIES);
        if (given instanceof MapPropertySource map) {
            merged.putAll(map.getSource());
        } else if (given != null) {
            throw new IllegalStateException("unexpected kind of default properties: " + given.getClass().getName());
        }
        MapPropertySource defaults = new MapPropertySource(DEFAULT_PROPERTIES, merged);
        if (given != null) {
            sources.replace(DEFAULT_PROPERTIES, defaults);
        } else {
            sources.addLast(defaults);
        }
    }

    private static Map<String, Object> load() {
        try {
            Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource(RESOURCE));
            Map<String, Object> values = new HashMap<>();
            properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
