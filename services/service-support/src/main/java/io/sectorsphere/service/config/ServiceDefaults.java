package io.sectorsphere.service.config;

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
 * Adds a service's defaults file (port, problem details, probes, ...) to that service's environment
 * below everything else, even below {@code SpringApplicationBuilder.properties(...)}. A service
 * subclasses it with its application class and its file, and registers the subclass as an
 * {@code org.springframework.boot.EnvironmentPostProcessor} in its {@code META-INF/spring.factories}.
 *
 * <p>Not {@code application.yml}: the local cluster runs several deployables in one JVM, where only
 * the first {@code application.yml} on the class path is read, by all of them. Not
 * {@code @PropertySource} either: that would override the builder's properties. Applications whose
 * sources do not include the service's application class are left alone.
 */
public abstract class ServiceDefaults implements EnvironmentPostProcessor {

    static final String DEFAULT_PROPERTIES = "defaultProperties";

    private final Class<?> application;
    private final String resource;

    /**
     * @param application the service's application class; only its applications get the defaults
     * @param resource    the class path resource of the defaults, a properties file
     */
    protected ServiceDefaults(Class<?> application, String resource) {
        this.application = application;
        this.resource = resource;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!application.getAllSources().contains(this.application)) {
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

    private Map<String, Object> load() {
        try {
            Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource(resource));
            Map<String, Object> values = new HashMap<>();
            properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
