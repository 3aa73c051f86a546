package io.sectorsphere.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;

/** Finds what a test looks at in the rendered chart, failing with a clear message when it is missing. */
final class ChartObjects {

    private ChartObjects() {
    }

    static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> matches = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matches).as("objects of kind %s", type.getSimpleName()).hasSize(1);
        return matches.getFirst();
    }

    static Service service(List<HasMetadata> objects, String name) {
        return objects.stream()
                .filter(Service.class::isInstance)
                .map(Service.class::cast)
                .filter(s -> s.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Service " + name));
    }

    /** The node pod's containers are exactly the services every Sector node runs. */
    static Container container(StatefulSet nodes, String name) {
        List<Container> containers = nodes.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).extracting(Container::getName).containsExactly("locator", "storage", "transfer", "sphere");
        return containers.stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    static EnvVar envVar(Container container, String name) {
        return container.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " in container " + container.getName()));
    }

    static String env(Container container, String name) {
        return envVar(container, name).getValue();
    }
}
