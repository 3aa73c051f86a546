package io.sectorsphere.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
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

/** The Helm chart: lints, renders valid objects, and wires the locator ring as the service expects. */
class SectorChartTest {

    private static final String POD_0 = "sector-locator-0.sector-locator." + ChartRenderer.NAMESPACE + ".svc.cluster.local";
    private static final String POD_1 = "sector-locator-1.sector-locator." + ChartRenderer.NAMESPACE + ".svc.cluster.local";
    private static final String POD_2 = "sector-locator-2.sector-locator." + ChartRenderer.NAMESPACE + ".svc.cluster.local";

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
    void rendersARingOfLocatorsWithItsServicesAndDisruptionBudget() {
        assertThat(defaults).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "StatefulSet/sector-locator",
                        "Service/sector-locator",
                        "Service/sector-locator-client",
                        "PodDisruptionBudget/sector-locator");
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
        List<HasMetadata> objects = ChartRenderer.render(Map.of("locator.replicas", replicas));
        StatefulSet ring = only(objects, StatefulSet.class);
        List<String> expected = IntStream.range(0, replicas)
                .mapToObj(i -> "sector-locator-%d.sector-locator.%s.svc.cluster.local:6100".formatted(i, ChartRenderer.NAMESPACE))
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
        Map<String, Object> values = Map.of("locator.port", port, "clusterDomain", clusterDomain, "locator.replicas", 4);
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
                .isEqualTo("$(POD_NAME).sector-locator." + ChartRenderer.NAMESPACE + ".svc.cluster.local");
        assertThat(envVar(locator, "POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        // Kubernetes expands $(POD_NAME) only from variables defined earlier in the list.
        assertThat(names.indexOf("POD_NAME")).isLessThan(names.indexOf("SECTOR_LOCATOR_ADVERTISEDHOST"));
        assertThat(service(defaults, ring.getSpec().getServiceName()).getSpec().getClusterIP()).isEqualTo("None");
    }

    @Test
    void namesFollowTheReleaseName() {
        List<HasMetadata> objects = ChartRenderer.render("lab");
        Container locator = locator(only(objects, StatefulSet.class));

        assertThat(only(objects, StatefulSet.class).getMetadata().getName()).isEqualTo("lab-sector-locator");
        assertThat(seeds(locator)).containsExactly(
                "lab-sector-locator-0.lab-sector-locator." + ChartRenderer.NAMESPACE + ".svc.cluster.local:6100",
                "lab-sector-locator-1.lab-sector-locator." + ChartRenderer.NAMESPACE + ".svc.cluster.local:6100",
                "lab-sector-locator-2.lab-sector-locator." + ChartRenderer.NAMESPACE + ".svc.cluster.local:6100");
        assertThat(service(objects, "lab-sector-locator").getSpec().getClusterIP()).isEqualTo("None");
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

        assertHttpProbe(locator.getReadinessProbe(), "/actuator/health/readiness");
        assertHttpProbe(locator.getLivenessProbe(), "/actuator/health/liveness");
        assertHttpProbe(locator.getStartupProbe(), "/actuator/health/liveness");
    }

    @Test
    void locatorServesAndIsReachedOnPort6100() {
        StatefulSet ring = only(defaults, StatefulSet.class);
        Container locator = locator(ring);

        assertThat(locator.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(6100);
        });
        assertThat(env(locator, "SERVER_PORT")).isEqualTo("6100");
        for (String name : List.of("sector-locator", "sector-locator-client")) {
            ServicePort port = service(defaults, name).getSpec().getPorts().getFirst();
            assertThat(port.getPort()).as(name).isEqualTo(6100);
            assertThat(port.getTargetPort().getStrVal()).as(name).isEqualTo("http");
        }
    }

    @Test
    void portValueMovesEveryReferenceToTheLocatorPort() {
        List<HasMetadata> objects = ChartRenderer.render(Map.of("locator.port", 7100));
        PodTemplateSpec pod = only(objects, StatefulSet.class).getSpec().getTemplate();
        Container locator = pod.getSpec().getContainers().getFirst();

        assertThat(locator.getPorts().getFirst().getContainerPort()).isEqualTo(7100);
        assertThat(env(locator, "SERVER_PORT")).isEqualTo("7100");
        assertThat(seeds(locator)).hasSize(3).allSatisfy(seed -> assertThat(seed).endsWith(":7100"));
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("prometheus.io/port", "7100");
        assertThat(service(objects, "sector-locator-client").getSpec().getPorts().getFirst().getPort()).isEqualTo(7100);
    }

    @Test
    void headlessServicePublishesPodsBeforeTheyAreReady() {
        // A joining pod turns ready only once it is in the ring, and its peers must reach it by name to get it there.
        assertThat(service(defaults, "sector-locator").getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(service(defaults, "sector-locator-client").getSpec().getPublishNotReadyAddresses()).isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void servicesAndDisruptionBudgetSelectTheLocatorPods() {
        StatefulSet ring = only(defaults, StatefulSet.class);
        Map<String, String> podLabels = ring.getSpec().getTemplate().getMetadata().getLabels();

        assertThat(podLabels).containsAllEntriesOf(ring.getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsAllEntriesOf(service(defaults, "sector-locator").getSpec().getSelector());
        assertThat(podLabels).containsAllEntriesOf(service(defaults, "sector-locator-client").getSpec().getSelector());
        assertThat(podLabels).containsAllEntriesOf(only(defaults, PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsEntry("app.kubernetes.io/component", "locator");
    }

    @Test
    void disruptionBudgetLetsOneLocatorGoAtATimeAndCanBeTurnedOff() {
        assertThat(only(defaults, PodDisruptionBudget.class).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(ChartRenderer.render(Map.of("locator.podDisruptionBudget.enabled", false)))
                .noneMatch(PodDisruptionBudget.class::isInstance);
    }

    @Test
    void podsCarryPrometheusScrapeAnnotationsUnlessTurnedOff() {
        Map<String, String> annotations = only(defaults, StatefulSet.class).getSpec().getTemplate().getMetadata().getAnnotations();

        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "6100")
                .containsEntry("prometheus.io/path", "/actuator/prometheus");
        assertThat(only(ChartRenderer.render(Map.of("prometheusAnnotations", false)), StatefulSet.class)
                .getSpec().getTemplate().getMetadata().getAnnotations())
                .doesNotContainKey("prometheus.io/scrape");
        assertThat(only(ChartRenderer.render(Map.of("locator.podAnnotations.team", "storage")), StatefulSet.class)
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
        "locator.replicas, 0",
        "locator.port, 70000",
        "locator.replica, 3",
        "locator.image.pullPolicy, Sometimes",
    })
    void schemaRejectsInvalidValues(String key, String value) {
        assertThatThrownBy(() -> ChartRenderer.template(Map.of(key, value)))
                .hasMessageContaining("schema")
                .hasMessageContaining(key.substring(key.lastIndexOf('.') + 1));
    }

    @Test
    void chartAndAppVersionAreTheProjectVersion() {
        Map<String, Object> chart = PlainYaml.read(Repository.chart().resolve("Chart.yaml"));

        assertThat(chart.get("version")).isEqualTo(Repository.projectVersion());
        assertThat(chart.get("appVersion")).isEqualTo(Repository.projectVersion());
    }

    private static void assertHttpProbe(Probe probe, String path) {
        assertThat(probe).as("probe on %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> matches = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matches).as("objects of kind %s", type.getSimpleName()).hasSize(1);
        return matches.getFirst();
    }

    private static Service service(List<HasMetadata> objects, String name) {
        return objects.stream()
                .filter(Service.class::isInstance)
                .map(Service.class::cast)
                .filter(s -> s.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Service " + name));
    }

    private static Container locator(StatefulSet ring) {
        List<Container> containers = ring.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).extracting(Container::getName).containsExactly("locator");
        return containers.getFirst();
    }

    private static EnvVar envVar(Container container, String name) {
        return container.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " in container " + container.getName()));
    }

    private static String env(Container container, String name) {
        return envVar(container, name).getValue();
    }

    /** SECTOR_LOCATOR_JOIN split as Spring binds it to a list: at commas, entries stripped. */
    private static List<String> seeds(Container container) {
        String join = env(container, "SECTOR_LOCATOR_JOIN");
        assertThat(join).as("SECTOR_LOCATOR_JOIN").isNotBlank().doesNotContain(" ");
        return Arrays.stream(join.split(",", -1)).toList();
    }
}
