package io.sectorsphere.deployment;

import static io.sectorsphere.deployment.ChartObjects.container;
import static io.sectorsphere.deployment.ChartObjects.env;
import static io.sectorsphere.deployment.ChartObjects.envVar;
import static io.sectorsphere.deployment.ChartObjects.only;
import static io.sectorsphere.deployment.ChartObjects.service;
import static io.sectorsphere.deployment.SectorChartTest.assertHttpProbe;
import static io.sectorsphere.deployment.SectorChartTest.servicePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The storage node in every node pod: beside its locator, on its own volume, reachable and probed on its port. */
class StorageChartTest {

    private static final String HASH = "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b";

    private static StatefulSet nodes;

    @BeforeAll
    static void renderDefaults() {
        nodes = only(ChartRenderer.render(), StatefulSet.class);
    }

    @Test
    void everyPodRunsAStorageNodeOfTheProjectVersionBesideItsLocator() {
        assertThat(storage(nodes).getImage()).isEqualTo("sectorsphere/storage-service:" + Repository.projectVersion());
        assertThat(container(nodes, "locator").getImage()).isEqualTo("sectorsphere/locator-service:" + Repository.projectVersion());
    }

    @Test
    void storageNodePublishesToTheLocatorInItsOwnPod() {
        Container locator = container(nodes, "locator");
        int locatorPort = locator.getPorts().getFirst().getContainerPort();

        // Containers of a pod share its network namespace, so the pod's own locator is on localhost.
        assertThat(env(storage(nodes), "SECTOR_STORAGE_LOCATORURL")).isEqualTo("http://localhost:" + locatorPort);
    }

    @Test
    void storageNodeAdvertisesThePodsStableNameAsItsLocatorDoes() {
        Container storage = storage(nodes);
        List<String> names = storage.getEnv().stream().map(EnvVar::getName).toList();

        assertThat(env(storage, "SECTOR_STORAGE_ADVERTISEDHOST"))
                .isEqualTo(env(container(nodes, "locator"), "SECTOR_LOCATOR_ADVERTISEDHOST"))
                .startsWith("$(POD_NAME).sector-node.");
        assertThat(envVar(storage, "POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        // Kubernetes expands $(POD_NAME) only from variables defined earlier in the list.
        assertThat(names.indexOf("POD_NAME")).isLessThan(names.indexOf("SECTOR_STORAGE_ADVERTISEDHOST"));
    }

    @Test
    void storageKeepsItsFilesOnAClaimOfItsOwnPerPod() {
        PersistentVolumeClaim claim = onlyClaim(nodes);

        assertThat(claim.getMetadata().getName()).isEqualTo("data");
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("100Gi"));
        assertThat(claim.getSpec().getStorageClassName()).isNull();
        assertThat(dataMount(storage(nodes)).getName()).isEqualTo("data");
        // The claim template, not a pod volume, provides "data".
        assertThat(nodes.getSpec().getTemplate().getSpec().getVolumes()).extracting(Volume::getName).doesNotContain("data");
    }

    @Test
    void dataVolumeIsMountedWhereTheStorageNodeLooksForItsFiles() {
        Container storage = storage(nodes);

        assertThat(env(storage, "SECTOR_STORAGE_DATADIR")).isEqualTo("/data");
        assertThat(dataMount(storage).getReadOnly()).isNotEqualTo(Boolean.TRUE);
        assertThat(container(nodes, "locator").getVolumeMounts()).extracting(VolumeMount::getName).doesNotContain("data");
    }

    @Test
    void persistenceSettingsReachTheClaim() {
        StatefulSet custom = only(ChartRenderer.render(Map.of(
                "storage.persistence.size", "2Ti",
                "storage.persistence.storageClass", "fast-local",
                "storage.persistence.accessModes[0]", "ReadWriteOncePod")), StatefulSet.class);
        PersistentVolumeClaim claim = onlyClaim(custom);

        assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("2Ti"));
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast-local");
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOncePod");
    }

    @Test
    void withoutPersistenceTheFilesLiveOnAnEmptyDirOfThePod() {
        StatefulSet ephemeral = only(ChartRenderer.render(Map.of("storage.persistence.enabled", false)), StatefulSet.class);
        PodSpec pod = ephemeral.getSpec().getTemplate().getSpec();

        assertThat(ephemeral.getSpec().getVolumeClaimTemplates()).isNullOrEmpty();
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("data")).singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
        assertThat(dataMount(storage(ephemeral)).getMountPath()).isEqualTo("/data");
    }

    @Test
    void dataVolumeIsWritableForTheImagesGroup() {
        // Buildpack images run as user cnb of group 1000; fsGroup makes the kubelet hand the volume to that group.
        assertThat(nodes.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup()).isEqualTo(1000L);
    }

    @Test
    void storageServesAndIsReachedOnPort6200() {
        Container storage = storage(nodes);

        assertThat(storage.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("storage-http");
            assertThat(port.getContainerPort()).isEqualTo(6200);
        });
        assertThat(env(storage, "SERVER_PORT")).isEqualTo("6200");
        List<HasMetadata> objects = ChartRenderer.render();
        assertThat(servicePort(service(objects, "sector-storage"), 6200).getTargetPort().getStrVal()).isEqualTo("storage-http");
        assertThat(servicePort(service(objects, "sector-node"), 6200).getTargetPort().getStrVal()).isEqualTo("storage-http");
    }

    @Test
    void portValueMovesEveryReferenceToTheStoragePort() {
        List<HasMetadata> objects = ChartRenderer.render(Map.of("storage.port", 7200));
        Container storage = storage(only(objects, StatefulSet.class));

        assertThat(storage.getPorts().getFirst().getContainerPort()).isEqualTo(7200);
        assertThat(env(storage, "SERVER_PORT")).isEqualTo("7200");
        assertThat(servicePort(service(objects, "sector-storage"), 7200).getTargetPort().getStrVal()).isEqualTo("storage-http");
        assertThat(servicePort(service(objects, "sector-node"), 7200).getTargetPort().getStrVal()).isEqualTo("storage-http");
    }

    @Test
    void portNamesAreUniqueInThePodAndEveryServiceTargetsOneOfThem() {
        List<ContainerPort> ports = nodes.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts().stream())
                .toList();
        List<String> names = ports.stream().map(ContainerPort::getName).toList();

        // A Kubernetes port name is an IANA service name: at most 15 characters, lower case, a letter somewhere.
        assertThat(names).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(15).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").containsPattern("[a-z]"));
        for (String service : List.of("sector-node", "sector-locator", "sector-storage", "sector-sphere")) {
            assertThat(service(ChartRenderer.render(), service).getSpec().getPorts())
                    .allSatisfy(port -> assertThat(names).as(service).contains(port.getTargetPort().getStrVal()));
        }
    }

    @Test
    void probesUseTheActuatorHealthGroupsOnTheStoragePort() {
        Container storage = storage(nodes);

        assertHttpProbe(storage.getReadinessProbe(), "/actuator/health/readiness", "storage-http");
        assertHttpProbe(storage.getLivenessProbe(), "/actuator/health/liveness", "storage-http");
        assertHttpProbe(storage.getStartupProbe(), "/actuator/health/liveness", "storage-http");
    }

    @Test
    void everyContainerHasAWritableTmpUnderItsReadOnlyRoot() {
        for (Container container : nodes.getSpec().getTemplate().getSpec().getContainers()) {
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(container.getName()).isTrue();
            assertThat(container.getVolumeMounts()).as(container.getName()).extracting(VolumeMount::getMountPath).contains("/tmp");
        }
    }

    @Test
    void storageRequestsAndLimitsMemorySoTheJvmSizesItsHeapToIt() {
        var resources = storage(nodes).getResources();

        assertThat(resources.getRequests()).containsKeys("cpu", "memory");
        assertThat(resources.getLimits()).containsKey("memory");
    }

    @Test
    void writesAreAllowedFromLoopbackAndPrivateNetworksByDefaultWithNoAccount() {
        Container storage = storage(nodes);

        assertThat(env(storage, "SECTOR_STORAGE_SECURITY_WRITEALLOW"))
                .isEqualTo("127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16");
        assertThat(storage.getEnv()).extracting(EnvVar::getName).noneMatch(name -> name.contains("ACCOUNTS"));
    }

    @Test
    void accountsAndTheWriteAllowListReachTheStorageNodeAsSpringBindsThem() {
        Map<String, Object> values = new HashMap<>();
        values.put("storage.writeAllow[0]", "10.244.0.0/16");
        values.put("storage.accounts[0].name", "operator");
        values.put("storage.accounts[0].tokenSha256", HASH);
        values.put("storage.accounts[1].name", "ingest");
        values.put("storage.accounts[1].tokenSha256", HASH.toUpperCase());
        Container storage = storage(only(ChartRenderer.render(values), StatefulSet.class));

        assertThat(env(storage, "SECTOR_STORAGE_SECURITY_WRITEALLOW")).isEqualTo("10.244.0.0/16");
        assertThat(env(storage, "SECTOR_STORAGE_SECURITY_ACCOUNTS_0_NAME")).isEqualTo("operator");
        assertThat(env(storage, "SECTOR_STORAGE_SECURITY_ACCOUNTS_0_TOKENSHA256")).isEqualTo(HASH);
        assertThat(env(storage, "SECTOR_STORAGE_SECURITY_ACCOUNTS_1_NAME")).isEqualTo("ingest");
        assertThat(env(storage, "SECTOR_STORAGE_SECURITY_ACCOUNTS_1_TOKENSHA256")).isEqualTo(HASH.toUpperCase());
    }

    @Test
    void schemaRejectsATokenWhereItsHashBelongs() {
        assertThatThrownBy(() -> ChartRenderer.template(Map.of(
                "storage.accounts[0].name", "operator",
                "storage.accounts[0].tokenSha256", "my-secret-token")))
                .hasMessageContaining("schema")
                .hasMessageContaining("tokenSha256");
    }

    @Test
    void schemaRejectsAnAddressWithoutPrefixLengthInTheWriteAllowList() {
        assertThatThrownBy(() -> ChartRenderer.template(Map.of("storage.writeAllow[0]", "10.0.0.1")))
                .hasMessageContaining("schema")
                .hasMessageContaining("writeAllow");
    }

    @Test
    void locatorsPresentTheReplicationTokenFromASecretOnlyWhenOneIsNamed() {
        assertThat(container(nodes, "locator").getEnv()).extracting(EnvVar::getName)
                .doesNotContain("SECTOR_LOCATOR_REPLICATION_TOKEN");

        Container locator = container(only(ChartRenderer.render(Map.of(
                "locator.replication.tokenSecret.name", "sector-replication")), StatefulSet.class), "locator");
        var secret = envVar(locator, "SECTOR_LOCATOR_REPLICATION_TOKEN").getValueFrom().getSecretKeyRef();

        assertThat(secret.getName()).isEqualTo("sector-replication");
        assertThat(secret.getKey()).isEqualTo("token");
    }

    @Test
    void extraEnvComesAfterTheStorageSettings() {
        Container storage = storage(only(ChartRenderer.render(Map.of(
                "storage.extraEnv[0].name", "SECTOR_STORAGE_CAPACITY",
                "storage.extraEnv[0].value", "500GB")), StatefulSet.class));

        assertThat(storage.getEnv().getLast().getName()).isEqualTo("SECTOR_STORAGE_CAPACITY");
        assertThat(storage.getEnv().getLast().getValue()).isEqualTo("500GB");
        assertThat(env(storage, "SECTOR_STORAGE_LOCATORURL")).isEqualTo("http://localhost:6100");
    }

    private static Container storage(StatefulSet nodes) {
        return container(nodes, "storage");
    }

    private static VolumeMount dataMount(Container storage) {
        String dataDir = env(storage, "SECTOR_STORAGE_DATADIR");
        return storage.getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(dataDir))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at the data directory " + dataDir));
    }

    private static PersistentVolumeClaim onlyClaim(StatefulSet nodes) {
        List<PersistentVolumeClaim> claims = nodes.getSpec().getVolumeClaimTemplates();
        assertThat(claims).hasSize(1);
        return claims.getFirst();
    }
}
