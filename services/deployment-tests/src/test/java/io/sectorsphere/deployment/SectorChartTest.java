package io.sectorsphere.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.sectorsphere.deployment.ChartObjects.container;
import static io.sectorsphere.deployment.ChartObjects.env;
import static io.sectorsphere.deployment.ChartObjects.envVar;
import static io.sectorsphere.deployment.ChartObjects.only;
import static io.sectorsphere.deployment.ChartObjects.service;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Helm chart: lints, renders valid objects, and wires the ring of node pods as the locator expects. */
class SectorChartTest {

    private static final String POD_0 = "sector-node-0.sector-node." + ChartRenderer.NAMESPACE + ".svc.cluster.local";
    private static final String POD_1 = "sector-node-1.sector-node." + ChartRenderer.NAMESPACE + ".svc.cluster.local";
    private static final String POD_2 = "sector-node-2.sector-node." + ChartRenderer.NAMESPACE + ".svc.cluster.local";

    private static List<HasMetadata> defaults;

    @BeforeAll
    static void renderDefaults() {
        defaults = ChartRenderer.render();
    }

    @Test
    void passesStrictLint() {
        LintResult lint = new Helm(Repository.chart()).lint().strict().call();

        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    }

    @Test
    void rendersARingOfNodesWithItsServicesAndDisruptionBudget() {
        assertThat(defaults).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "StatefulSet/sector-node",
                        "Service/sector-node",
                        "Service/sector-locator",
                        "Service/sector-storage",
                        "Service/sector-sphere",
                        "PodDisruptionBudget/sector-node");
    }

    @Test
    void runsThreeLocatorsOfTheProjectVersionByDefault() {
        StatefulSet ring = only(defaults, StatefulSet.class);

        assertThat(ring.getSpec().getReplicas()).isEqualTo(3);
        assertThat(locator(ring).getImage()).isEqualTo("sectorsphere/locator-service:" + Repository.projectVersion());
        // Pods start in order, so on a fresh install pod 0 finds no other seed and founds the ring.
        assertThat(ring.getSpec().getPodManagementPolicy()).isEqualTo("OrderedReady");
    }

    @ParameterizedTest(name = "replicas={0}")
    @ValueSource(ints = {1, 2, 5})
    void seedListHasOneEntryPerReplicaPodZeroFirst(int replicas) {
        List<HasMetadata> objects = ChartRenderer.render(Map.of("node.replicas", replicas));
        StatefulSet ring = only(objects, StatefulSet.class);
        List<String> expected = IntStream.range(0, replicas)
                .mapToObj(i -> "sector-node-%d.sector-node.%s.svc.cluster.local:6100".formatted(i, ChartRenderer.NAMESPACE))
                .toList();

        assertThat(ring.getSpec().getReplicas()).isEqualTo(replicas);
        assertThat(seeds(locator(ring))).hasSize(replicas).containsExactlyElementsOf(expected);
        assertThat(only(objects, PodDisruptionBudget.class).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    }

    @Test
    void everyPodGetsEveryPodsStableNameWithPodZeroFirstSoPodZeroIsTheFounder() {
        StatefulSet ring = only(defaults, StatefulSet.class);

        // One value for the whole StatefulSet, so every pod gets the same list.
        assertThat(env(locator(ring), "SECTOR_LOCATOR_JOIN"))
                .isEqualTo(POD_0 + ":6100," + POD_1 + ":6100," + POD_2 + ":6100");
        assertThat(seeds(locator(ring)).getFirst())
                .startsWith(ring.getMetadata().getName() + "-0." + ring.getSpec().getServiceName() + ".");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "default, sector, 6100, cluster.local",
        "release, lab, 6100, cluster.local",
        "port, sector, 7100, cluster.local",
        "clusterDomain, sector, 6100, k8s.internal",
    })
    void seedNumberIIsExactlyTheAddressPodIAdvertises(String what, String release, int port, String clusterDomain) {
        // A node recognises its own seed entry, and pod 0 that it is the founder, by comparing the
        // entries with its advertised host:port; a mismatch would make pod 0 wait forever for a ring.
        Map<String, Object> values = Map.of("locator.port", port, "clusterDomain", clusterDomain, "node.replicas", 4);
        StatefulSet ring = only(StrictManifests.parse(ChartRenderer.template(release, values)), StatefulSet.class);
        Container locator = locator(ring);
        List<String> seeds = seeds(locator);

        assertThat(seeds).hasSize(4);
        for (int i = 0; i < seeds.size(); i++) {
            String podName = ring.getMetadata().getName() + "-" + i;
            String advertised = env(locator, "SECTOR_LOCATOR_ADVERTISEDHOST").replace("$(POD_NAME)", podName)
                    + ":" + env(locator, "SERVER_PORT");
            assertThat(seeds.get(i)).as("seed %d", i).isEqualTo(advertised);
        }
    }

    @Test
    void everyPodAdvertisesItsOwnNameUnderTheHeadlessService() {
        StatefulSet ring = only(defaults, StatefulSet.class);
        Container locator = locator(ring);
        List<String> names = locator.getEnv().stream().map(EnvVar::getName).toList();

        assertThat(env(locator, "SECTOR_LOCATOR_ADVERTISEDHOST"))
                .isEqualTo("$(POD_NAME).sector-node." + ChartRenderer.NAMESPACE + ".svc.cluster.local");
        assertThat(envVar(locator, "POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        // Kubernetes expands $(POD_NAME) only from variables defined earlier in the list.
        assertThat(names.indexOf("POD_NAME")).isLessThan(names.indexOf("SECTOR_LOCATOR_ADVERTISEDHOST"));
        assertThat(service(defaults, ring.getSpec().getServiceName()).getSpec().getClusterIP()).isEqualTo("None");
    }

    @Test
    void namesFollowTheReleaseName() {
        List<HasMetadata> objects = ChartRenderer.render("lab");
        Container locator = locator(only(objects, StatefulSet.class));

        assertThat(only(objects, StatefulSet.class).getMetadata().getName()).isEqualTo("lab-sector-node");
        assertThat(seeds(locator)).containsExactly(
                "lab-sector-node-0.lab-sector-node." + ChartRenderer.NAMESPACE + ".svc.cluster.local:6100",
                "lab-sector-node-1.lab-sector-node." + ChartRenderer.NAMESPACE + ".svc.cluster.local:6100",
                "lab-sector-node-2.lab-sector-node." + ChartRenderer.NAMESPACE + ".svc.cluster.local:6100");
        assertThat(service(objects, "lab-sector-node").getSpec().getClusterIP()).isEqualTo("None");
    }

    @Test
    void extraEnvComesAfterTheRingSettings() {
        Container locator = locator(only(ChartRenderer.render(Map.of(
                "locator.extraEnv[0].name", "JAVA_TOOL_OPTIONS",
                "locator.extraEnv[0].value", "-Xss512k")), StatefulSet.class));

        assertThat(locator.getEnv().getLast().getName()).isEqualTo("JAVA_TOOL_OPTIONS");
        assertThat(locator.getEnv().getLast().getValue()).isEqualTo("-Xss512k");
        assertThat(seeds(locator)).containsExactly(POD_0 + ":6100", POD_1 + ":6100", POD_2 + ":6100");
    }

    @Test
    void stableNamesFollowTheClusterDomain() {
        Container locator = locator(only(ChartRenderer.render(Map.of("clusterDomain", "k8s.internal")), StatefulSet.class));

        assertThat(seeds(locator)).hasSize(3).allSatisfy(seed -> assertThat(seed).endsWith(".svc.k8s.internal:6100"));
        assertThat(env(locator, "SECTOR_LOCATOR_ADVERTISEDHOST")).endsWith(".svc.k8s.internal");
    }

    @Test
    void probesUseTheActuatorHealthGroupsOnTheLocatorPort() {
        Container locator = locator(only(defaults, StatefulSet.class));

        assertHttpProbe(locator.getReadinessProbe(), "/actuator/health/readiness", "locator-http");
        assertHttpProbe(locator.getLivenessProbe(), "/actuator/health/liveness", "locator-http");
        assertHttpProbe(locator.getStartupProbe(), "/actuator/health/liveness", "locator-http");
    }

    @Test
    void locatorServesAndIsReachedOnPort6100() {
        StatefulSet ring = only(defaults, StatefulSet.class);
        Container locator = locator(ring);

        assertThat(locator.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("locator-http");
            assertThat(port.getContainerPort()).isEqualTo(6100);
        });
        assertThat(env(locator, "SERVER_PORT")).isEqualTo("6100");
        assertThat(servicePort(service(defaults, "sector-locator"), 6100).getTargetPort().getStrVal()).isEqualTo("locator-http");
        assertThat(servicePort(service(defaults, "sector-node"), 6100).getTargetPort().getStrVal()).isEqualTo("locator-http");
    }

    @Test
    void portValueMovesEveryReferenceToTheLocatorPort() {
        List<HasMetadata> objects = ChartRenderer.render(Map.of("locator.port", 7100));
        StatefulSet nodes = only(objects, StatefulSet.class);
        Container locator = locator(nodes);

        assertThat(locator.getPorts().getFirst().getContainerPort()).isEqualTo(7100);
        assertThat(env(locator, "SERVER_PORT")).isEqualTo("7100");
        assertThat(seeds(locator)).hasSize(3).allSatisfy(seed -> assertThat(seed).endsWith(":7100"));
        assertThat(env(container(nodes, "storage"), "SECTOR_STORAGE_LOCATORURL")).isEqualTo("http://localhost:7100");
        assertThat(service(objects, "sector-locator").getSpec().getPorts().getFirst().getPort()).isEqualTo(7100);
        assertThat(servicePort(service(objects, "sector-node"), 7100).getTargetPort().getStrVal()).isEqualTo("locator-http");
    }

    @Test
    void headlessServicePublishesPodsBeforeTheyAreReady() {
        // A joining pod turns ready only once it is in the ring, and its peers must reach it by name to get it there.
        assertThat(service(defaults, "sector-node").getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(service(defaults, "sector-locator").getSpec().getPublishNotReadyAddresses()).isNotEqualTo(Boolean.TRUE);
        assertThat(service(defaults, "sector-storage").getSpec().getPublishNotReadyAddresses()).isNotEqualTo(Boolean.TRUE);
        assertThat(service(defaults, "sector-sphere").getSpec().getPublishNotReadyAddresses()).isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void servicesAndDisruptionBudgetSelectTheNodePods() {
        StatefulSet ring = only(defaults, StatefulSet.class);
        Map<String, String> podLabels = ring.getSpec().getTemplate().getMetadata().getLabels();

        assertThat(podLabels).containsAllEntriesOf(ring.getSpec().getSelector().getMatchLabels());
        for (String name : List.of("sector-node", "sector-locator", "sector-storage", "sector-sphere")) {
            assertThat(podLabels).as(name).containsAllEntriesOf(service(defaults, name).getSpec().getSelector());
        }
        assertThat(podLabels).containsAllEntriesOf(only(defaults, PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsEntry("app.kubernetes.io/component", "node");
    }

    @Test
    void disruptionBudgetLetsOneNodeGoAtATimeAndCanBeTurnedOff() {
        assertThat(only(defaults, PodDisruptionBudget.class).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(ChartRenderer.render(Map.of("node.podDisruptionBudget.enabled", false)))
                .noneMatch(PodDisruptionBudget.class::isInstance);
    }

    @Test
    void podsCarryPrometheusScrapeAnnotationsUnlessTurnedOff() {
        Map<String, String> annotations = only(defaults, StatefulSet.class).getSpec().getTemplate().getMetadata().getAnnotations();

        // No prometheus.io/port: it names one port, and every HTTP port of the pod serves metrics.
        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/actuator/prometheus")
                .doesNotContainKey("prometheus.io/port");
        assertThat(only(ChartRenderer.render(Map.of("prometheusAnnotations", false)), StatefulSet.class)
                .getSpec().getTemplate().getMetadata().getAnnotations())
                .doesNotContainKey("prometheus.io/scrape");
        assertThat(only(ChartRenderer.render(Map.of("node.podAnnotations.team", "storage")), StatefulSet.class)
                .getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("team", "storage")
                .containsEntry("prometheus.io/scrape", "true");
    }

    @Test
    void requestsAndLimitsMemorySoTheJvmSizesItsHeapToThePod() {
        var resources = locator(only(defaults, StatefulSet.class)).getResources();

        assertThat(resources.getRequests()).containsKeys("cpu", "memory");
        assertThat(resources.getLimits()).containsKey("memory");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "node.replicas, 0",
        "locator.port, 70000",
        "node.replica, 3",
        "locator.replicas, 3",
        "locator.image.pullPolicy, Sometimes",
        "storage.port, 0",
        "storage.persistence.size, lots",
        "storage.persistence.accessModes[0], ReadWriteAlways",
        "sphere.port, 0",
        "sphere.processingElements, 0",
        "sphere.elements.heapMiB, 16",
        "sphere.heapMiB, lots",
        "sphere.work.sizeLimit, big",
    })
    void schemaRejectsInvalidValues(String key, String value) {
        String field = key.replaceAll("\\[\\d+]", "");
        assertThatThrownBy(() -> ChartRenderer.template(Map.of(key, value)))
                .hasMessageContaining("schema")
                .hasMessageContaining(field.substring(field.lastIndexOf('.') + 1));
    }

    @Test
    void chartAndAppVersionAreTheProjectVersion() {
        Map<String, Object> chart = PlainYaml.read(Repository.chart().resolve("Chart.yaml"));

        assertThat(chart.get("version")).isEqualTo(Repository.projectVersion());
        assertThat(chart.get("appVersion")).isEqualTo(Repository.projectVersion());
    }

    static void assertHttpProbe(Probe probe, String path, String portName) {
        assertThat(probe).as("probe on %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo(portName);
    }

    private static Container locator(StatefulSet nodes) {
        return container(nodes, "locator");
    }

    static ServicePort servicePort(Service service, int port) {
        return service.getSpec().getPorts().stream()
                .filter(p -> p.getPort() == port)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no port " + port + " on Service " + service.getMetadata().getName()));
    }

    /** SECTOR_LOCATOR_JOIN split as Spring binds it to a list: at commas, entries stripped. */
    private static List<String> seeds(Container container) {
        String join = env(container, "SECTOR_LOCATOR_JOIN");
        assertThat(join).as("SECTOR_LOCATOR_JOIN").isNotBlank().doesNotContain(" ");
        return Arrays.stream(join.split(",", -1)).toList();
    }
}
