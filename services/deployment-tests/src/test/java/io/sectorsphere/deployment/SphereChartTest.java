package io.sectorsphere.deployment;

import static io.sectorsphere.deployment.ChartObjects.container;
import static io.sectorsphere.deployment.ChartObjects.env;
import static io.sectorsphere.deployment.ChartObjects.only;
import static io.sectorsphere.deployment.ChartObjects.service;
import static io.sectorsphere.deployment.SectorChartTest.assertHttpProbe;
import static io.sectorsphere.deployment.SectorChartTest.servicePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Sphere worker in every node pod: on the storage node's files (read-only), registered as the pod, memory for its elements. */
class SphereChartTest {

    private static final String HASH = "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b";
    private static final BigDecimal MIB = BigDecimal.valueOf(1024 * 1024);

    private static List<HasMetadata> defaults;
    private static StatefulSet nodes;

    @BeforeAll
    static void renderDefaults() {
        defaults = ChartRenderer.render();
        nodes = only(defaults, StatefulSet.class);
    }

    @Test
    void everyPodRunsASphereWorkerOfTheProjectVersion() {
        assertThat(sphere(nodes).getImage()).isEqualTo("sectorsphere/sphere-worker:" + Repository.projectVersion());
    }

    @Test
    void workerServesAndIsReachedOnPort6400() {
        Container sphere = sphere(nodes);

        assertThat(sphere.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("sphere-http");
            assertThat(port.getContainerPort()).isEqualTo(6400);
        });
        assertThat(env(sphere, "SERVER_PORT")).isEqualTo("6400");
        assertThat(servicePort(service(defaults, "sector-node"), 6400).getTargetPort().getStrVal()).isEqualTo("sphere-http");
        assertThat(servicePort(service(defaults, "sector-sphere"), 6400).getTargetPort().getStrVal()).isEqualTo("sphere-http");
    }

    @Test
    void jobServiceKeepsAClientOnOneWorkerBecauseOnlyTheCoordinatorKnowsAJob() {
        Service jobs = service(defaults, "sector-sphere");

        assertThat(jobs.getSpec().getSessionAffinity()).isEqualTo("ClientIP");
        assertThat(jobs.getSpec().getClusterIP()).isNotEqualTo("None");
    }

    @Test
    void portValueMovesEveryReferenceToTheWorkerPort() {
        List<HasMetadata> objects = ChartRenderer.render(Map.of("sphere.port", 7400));
        Container sphere = sphere(only(objects, StatefulSet.class));

        assertThat(sphere.getPorts().getFirst().getContainerPort()).isEqualTo(7400);
        assertThat(env(sphere, "SERVER_PORT")).isEqualTo("7400");
        assertThat(servicePort(service(objects, "sector-node"), 7400).getTargetPort().getStrVal()).isEqualTo("sphere-http");
        assertThat(servicePort(service(objects, "sector-sphere"), 7400).getTargetPort().getStrVal()).isEqualTo("sphere-http");
    }

    @Test
    void workerAdvertisesThePodsNameAndReachesItsLocatorOnLocalhost() {
        Container sphere = sphere(nodes);
        List<String> names = sphere.getEnv().stream().map(EnvVar::getName).toList();

        assertThat(env(sphere, "SECTOR_SPHERE_ADVERTISEDHOST"))
                .isEqualTo(env(container(nodes, "locator"), "SECTOR_LOCATOR_ADVERTISEDHOST"));
        assertThat(names.indexOf("POD_NAME")).isLessThan(names.indexOf("SECTOR_SPHERE_ADVERTISEDHOST"));
        assertThat(env(sphere, "SECTOR_SPHERE_LOCATORURL"))
                .isEqualTo("http://localhost:" + container(nodes, "locator").getPorts().getFirst().getContainerPort());
    }

    @Test
    void workerNamesItsStorageNodeByTheAddressThatNodeAdvertises() {
        // Location records name a file's holders by the storage node's advertised host:port; the
        // worker compares them with its storage URL to know which segments are local to it.
        Container storage = container(nodes, "storage");
        String storageUrl = env(sphere(nodes), "SECTOR_SPHERE_STORAGEURL");

        assertThat(storageUrl).isEqualTo("http://" + env(storage, "SECTOR_STORAGE_ADVERTISEDHOST") + ":" + env(storage, "SERVER_PORT"));
        assertThat(env(sphere(only(ChartRenderer.render(Map.of("storage.port", 7200)), StatefulSet.class)), "SECTOR_SPHERE_STORAGEURL"))
                .endsWith(":7200");
    }

    @Test
    void workerReadsTheStorageNodesDataVolumeReadOnly() {
        Container sphere = sphere(nodes);
        String dataDir = env(sphere, "SECTOR_SPHERE_DATADIR");

        assertThat(dataDir).isEqualTo(env(container(nodes, "storage"), "SECTOR_STORAGE_DATADIR"));
        assertThat(sphere.getVolumeMounts()).filteredOn(m -> m.getMountPath().equals(dataDir)).singleElement()
                .satisfies(mount -> {
                    assertThat(mount.getName()).isEqualTo("data");
                    assertThat(mount.getReadOnly()).isTrue();
                });
    }

    @Test
    void workDirectoryIsAnEmptyDirOfTheWorkersOwnWithAnOptionalSizeLimit() {
        Container sphere = sphere(nodes);
        String workDir = env(sphere, "SECTOR_SPHERE_WORKDIR");

        assertThat(sphere.getVolumeMounts()).filteredOn(m -> m.getMountPath().equals(workDir)).singleElement()
                .extracting(VolumeMount::getName).isEqualTo("sphere-work");
        assertThat(otherContainersMounts("sphere-work")).isEmpty();
        assertThat(workVolume(nodes).getEmptyDir().getSizeLimit()).isNull();
        assertThat(workVolume(only(ChartRenderer.render(Map.of("sphere.work.sizeLimit", "200Gi")), StatefulSet.class))
                .getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("200Gi"));
    }

    @Test
    void processingElementsAndHeapsReachTheWorkerAsSpringAndTheJvmReadThem() {
        Container sphere = sphere(only(ChartRenderer.render(Map.of(
                "sphere.processingElements", 4,
                "sphere.elements.heapMiB", 1024,
                "sphere.heapMiB", 768)), StatefulSet.class));

        assertThat(env(sphere, "SECTOR_SPHERE_PROCESSINGELEMENTS")).isEqualTo("4");
        assertThat(env(sphere, "SECTOR_SPHERE_ELEMENTS_HEAP")).isEqualTo("1024MB");
        assertThat(env(sphere, "JAVA_TOOL_OPTIONS")).isEqualTo("-Xmx768m");
    }

    @Test
    void defaultMemoryLimitHoldsTheWorkersHeapAndEveryElementsHeap() {
        Container sphere = sphere(nodes);
        int elements = Integer.parseInt(env(sphere, "SECTOR_SPHERE_PROCESSINGELEMENTS"));
        long elementHeapMiB = Long.parseLong(env(sphere, "SECTOR_SPHERE_ELEMENTS_HEAP").replace("MB", ""));
        long workerHeapMiB = Long.parseLong(env(sphere, "JAVA_TOOL_OPTIONS").replaceAll("-Xmx(\\d+)m", "$1"));
        long limitMiB = Quantity.getAmountInBytes(sphere.getResources().getLimits().get("memory")).divide(MIB).longValueExact();

        // A set count: one per core would follow the machine's cores, which no limit covers.
        assertThat(elements).isPositive();
        // Each JVM needs room beside its heap: 100 MiB for every one is the least that holds.
        assertThat(limitMiB).isGreaterThanOrEqualTo(workerHeapMiB + elements * elementHeapMiB + (elements + 1) * 100L);
        assertThat(sphere.getResources().getRequests()).containsKeys("cpu", "memory");
    }

    @Test
    void readinessIncludesTheStorageNodeAndProbesUseTheWorkersPort() {
        Container sphere = sphere(nodes);

        assertHttpProbe(sphere.getReadinessProbe(), "/actuator/health/readiness", "sphere-http");
        assertHttpProbe(sphere.getLivenessProbe(), "/actuator/health/liveness", "sphere-http");
        assertHttpProbe(sphere.getStartupProbe(), "/actuator/health/liveness", "sphere-http");
    }

    @Test
    void noAccountMayRunJobsUnlessListed() {
        assertThat(sphere(nodes).getEnv()).extracting(EnvVar::getName).noneMatch(name -> name.contains("ACCOUNTS"));

        Map<String, Object> values = new HashMap<>();
        values.put("sphere.accounts[0].name", "operator");
        values.put("sphere.accounts[0].tokenSha256", HASH);
        Container sphere = sphere(only(ChartRenderer.render(values), StatefulSet.class));

        assertThat(env(sphere, "SECTOR_SPHERE_SECURITY_ACCOUNTS_0_NAME")).isEqualTo("operator");
        assertThat(env(sphere, "SECTOR_SPHERE_SECURITY_ACCOUNTS_0_TOKENSHA256")).isEqualTo(HASH);
    }

    @Test
    void schemaRejectsATokenWhereItsHashBelongs() {
        assertThatThrownBy(() -> ChartRenderer.template(Map.of(
                "sphere.accounts[0].name", "operator",
                "sphere.accounts[0].tokenSha256", "my-secret-token")))
                .hasMessageContaining("schema")
                .hasMessageContaining("tokenSha256");
    }

    @Test
    void extraEnvComesAfterTheWorkerSettings() {
        Container sphere = sphere(only(ChartRenderer.render(Map.of(
                "sphere.extraEnv[0].name", "SECTOR_SPHERE_SEGMENTS_MAX",
                "sphere.extraEnv[0].value", "64MB")), StatefulSet.class));

        assertThat(sphere.getEnv().getLast().getName()).isEqualTo("SECTOR_SPHERE_SEGMENTS_MAX");
        assertThat(env(sphere, "SECTOR_SPHERE_LOCATORURL")).isEqualTo("http://localhost:6100");
    }

    private static List<VolumeMount> otherContainersMounts(String volume) {
        return nodes.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> !c.getName().equals("sphere"))
                .flatMap(c -> c.getVolumeMounts().stream())
                .filter(m -> m.getName().equals(volume))
                .toList();
    }

    private static Volume workVolume(StatefulSet nodes) {
        return nodes.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("sphere-work"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume sphere-work"));
    }

    private static Container sphere(StatefulSet nodes) {
        return container(nodes, "sphere");
    }
}
