package io.sectorsphere.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads a configuration file (compose, Prometheus) as nested maps and navigates it by key. */
final class PlainYaml {

    private PlainYaml() {
    }

    static Map<String, Object> parse(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    static Map<String, Object> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String key) {
        Object value = ((Map<String, Object>) node).get(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("'" + key + "' is not a mapping in " + node);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String key) {
        Object value = ((Map<String, Object>) node).get(key);
        if (!(value instanceof List<?>)) {
            throw new AssertionError("'" + key + "' is not a list in " + node);
        }
        return (List<Object>) value;
    }
}
