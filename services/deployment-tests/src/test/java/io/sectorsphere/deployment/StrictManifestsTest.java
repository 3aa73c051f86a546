package io.sectorsphere.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** The manifest check itself: it must catch the mistakes a template typically makes. */
class StrictManifestsTest {

    private static final String POD_TEMPLATE = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: ring
            spec:
              serviceName: ring
              selector:
                matchLabels: {app: ring}
              template:
                metadata:
                  labels: {app: ring}
                spec:
                  containers:
                    - name: locator
                      image: locator:1
                      %s
            """;

    @Test
    void bindsEveryDocumentOfAStreamToItsKind() {
        String yaml = POD_TEMPLATE.formatted("env: [{name: SERVER_PORT, value: \"6100\"}]") + """
                ---
                # only a comment: helm prints such documents for templates that render nothing
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: ring
                spec:
                  clusterIP: None
                """;

        assertThat(StrictManifests.parse(yaml))
                .hasExactlyElementsOfTypes(StatefulSet.class, Service.class);
    }

    @Test
    void rejectsAMisspelledField() {
        String yaml = POD_TEMPLATE.formatted("readinesProbe: {httpGet: {path: /actuator/health/readiness, port: 6100}}");

        assertThatThrownBy(() -> StrictManifests.parse(yaml))
                .hasMessageContaining("StatefulSet ring")
                .hasMessageContaining("Unrecognized field \"readinesProbe\"");
    }

    @Test
    void rejectsAFieldAtTheWrongLevel() {
        String yaml = POD_TEMPLATE.formatted("replicas: 3");

        assertThatThrownBy(() -> StrictManifests.parse(yaml)).hasMessageContaining("Unrecognized field \"replicas\"");
    }

    @Test
    void rejectsANumberWhereKubernetesWantsAString() {
        String yaml = POD_TEMPLATE.formatted("env: [{name: SERVER_PORT, value: 6100}]");

        assertThatThrownBy(() -> StrictManifests.parse(yaml))
                .hasMessageContaining("Cannot coerce Integer")
                .hasMessageContaining("EnvVar[\"value\"]");
    }

    @Test
    void rejectsAStringWhereKubernetesWantsANumber() {
        String yaml = POD_TEMPLATE.formatted("ports: [{containerPort: \"6100\"}]");

        assertThatThrownBy(() -> StrictManifests.parse(yaml))
                .hasMessageContaining("Cannot coerce String")
                .hasMessageContaining("ContainerPort[\"containerPort\"]");
    }

    @Test
    void rejectsAKindTheModelDoesNotKnow() {
        String yaml = """
                apiVersion: apps/v1
                kind: StatefullSet
                metadata:
                  name: ring
                """;

        assertThatThrownBy(() -> StrictManifests.parse(yaml)).hasMessageContaining("not a kind");
    }
}
