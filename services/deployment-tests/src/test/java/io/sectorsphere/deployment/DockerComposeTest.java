package io.sectorsphere.deployment;

import static io.sectorsphere.deployment.PlainYaml.list;
import static io.sectorsphere.deployment.PlainYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-compose.yml as docker-compose itself reads it: valid, one ring, a storage node, a transfer
 * agent and a Sphere worker beside every locator.
 */
class DockerComposeTest {

    private static final List<String> LOCATORS = List.of("sector-locator-1", "sector-locator-2", "sector-locator-3");
    private static final List<String> STORAGE_NODES = List.of("sector-storage-1", "sector-storage-2", "sector-storage-3");
    private static final List<String> TRANSFER_AGENTS = List.of("sector-transfer-1", "sector-transfer-2", "sector-transfer-3");
    private static final List<String> SPHERE_WORKERS = List.of("sector-sphere-1", "sector-sphere-2", "sector-sphere-3");
    private static final String TOKEN = "compose-test-token";
    private static final String TRANSFER_SECRET = "compose-test-transfer-secret-of-at-least-32-bytes";
    /** printf %s compose-test-token | sha256sum */
    private static final String TOKEN_SHA256 = "f3e62ae3b2f197b94f0be92025bf36ced1fd195308dc64c4030d64d2cdf9bd4e";

    private static Map<String, Object> services;
    private static Map<String, Object> volumes;

    // Per test rather than per class, so that every skipped check is reported with its reason.
    @BeforeEach
    void resolveComposeFileOnce() {
        Tool.DOCKER_COMPOSE.assumeInstalled();
        if (services == null) {
            Tool.Result config = compose(Repository.composeFile(), "config");
            assertThat(config.exitCode()).as(config.describe()).isZero();
            Map<String, Object> resolved = PlainYaml.parse(config.stdout());
            services = map(resolved, "services");
            volumes = map(resolved, "volumes");
        }
    }

    @Test
    void composeFileIsValid() {
        Tool.Result check = compose(Repository.composeFile(), "config", "-q");

        assertThat(check.exitCode()).as(check.describe()).isZero();
    }

    @Test
    void checkRejectsAnInvalidComposeFile(@TempDir Path dir) throws Exception {
        // Shows that 'config -q' is a real check: depends_on a service that does not exist.
        Path broken = Files.writeString(dir.resolve("docker-compose.yml"), """
                services:
                  a:
                    image: example
                    depends_on:
                      b:
                        condition: service_healthy
                """);

        assertThat(compose(broken, "config", "-q").exitCode()).isNotZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SECTOR_TOKEN_SHA256", "SECTOR_TRANSFER_SECRET"})
    void refusesToStartWithoutASecretOfTheCluster(String variable) {
        Tool.Result check = compose(Repository.composeFile(), environment -> environment.remove(variable), "config", "-q");

        assertThat(check.exitCode()).isNotZero();
        assertThat(check.stderr()).contains(variable);
    }

    @Test
    void runsThreeNodesOfLocatorStorageTransferAndSphereAndPrometheus() {
        assertThat(services).containsOnlyKeys(List.of("sector-locator-1", "sector-locator-2", "sector-locator-3",
                "sector-storage-1", "sector-storage-2", "sector-storage-3",
                "sector-transfer-1", "sector-transfer-2", "sector-transfer-3",
                "sector-sphere-1", "sector-sphere-2", "sector-sphere-3", "volume-owner", "prometheus"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sector-locator-1", "sector-locator-2", "sector-locator-3"})
    void everyLocatorAdvertisesItsServiceNameOnPort6100(String name) {
        Map<String, Object> locator = map(services, name);
        Map<String, Object> env = map(locator, "environment");

        assertThat(locator.get("image")).isEqualTo("sectorsphere/locator-service:" + Repository.projectVersion());
        assertThat(env).containsEntry("SECTOR_LOCATOR_ADVERTISEDHOST", name).containsEntry("SERVER_PORT", "6100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sector-locator-1", "sector-locator-2", "sector-locator-3"})
    void everyLocatorGetsTheSameSeedListWithNodeOneFirst(String name) {
        // The same list everywhere: a node skips its own entry, and only node 1, the first, may found the ring.
        assertThat(map(map(services, name), "environment"))
                .containsEntry("SECTOR_LOCATOR_JOIN", "sector-locator-1:6100,sector-locator-2:6100,sector-locator-3:6100");
    }

    @Test
    void seedNumberKIsExactlyTheAddressNodeKAdvertises() {
        // A node finds its own entry (and node 1 that it is the founder) by comparing with advertised host:port.
        List<String> seeds = List.of(String.valueOf(map(map(services, LOCATORS.getFirst()), "environment")
                .get("SECTOR_LOCATOR_JOIN")).split(",", -1));

        assertThat(seeds).hasSize(LOCATORS.size());
        for (int k = 0; k < LOCATORS.size(); k++) {
            Map<String, Object> env = map(map(services, LOCATORS.get(k)), "environment");
            assertThat(seeds.get(k)).as("seed %d", k + 1)
                    .isEqualTo(env.get("SECTOR_LOCATOR_ADVERTISEDHOST") + ":" + env.get("SERVER_PORT"));
        }
    }

    @Test
    void nodesTwoAndThreeStartOnlyOnceNodeOneHasFoundedTheRing() {
        // On a fresh start node 1 then finds no other seed answering and founds the ring.
        assertThat(map(services, "sector-locator-1")).doesNotContainKey("depends_on");
        for (String name : List.of("sector-locator-2", "sector-locator-3")) {
            assertThat(map(map(services, name), "depends_on")).as(name).containsOnlyKeys("sector-locator-1");
            assertThat(map(map(map(services, name), "depends_on"), "sector-locator-1")).as(name)
                    .containsEntry("condition", "service_healthy");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sector-locator-1", "sector-locator-2", "sector-locator-3"})
    void healthMeansReadinessOnTheLocatorPort(String name) {
        Map<String, Object> locator = map(services, name);

        // The buildpack image has no shell or curl: its health checker reads THC_PORT and THC_PATH.
        assertThat(list(map(locator, "healthcheck"), "test")).containsExactly("CMD", "/workspace/health-check");
        assertThat(map(locator, "environment"))
                .containsEntry("THC_PORT", "6100")
                .containsEntry("THC_PATH", "/actuator/health/readiness");
    }

    @Test
    void nodeKIsPublishedOnLoopbackAddress10PlusKLikeTheLocalCluster() {
        for (int k = 1; k <= LOCATORS.size(); k++) {
            assertThat(list(map(services, LOCATORS.get(k - 1)), "ports"))
                    .containsExactly("127.0.0.%d:6100:6100/tcp".formatted(10 + k));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void storageNodeKPublishesToLocatorKAndAdvertisesItsOwnServiceNameOnPort6200(int k) {
        Map<String, Object> storage = map(services, STORAGE_NODES.get(k - 1));
        Map<String, Object> env = map(storage, "environment");
        Map<String, Object> locatorEnv = map(map(services, LOCATORS.get(k - 1)), "environment");

        assertThat(storage.get("image")).isEqualTo("sectorsphere/storage-service:" + Repository.projectVersion());
        assertThat(env).containsEntry("SECTOR_STORAGE_ADVERTISEDHOST", STORAGE_NODES.get(k - 1)).containsEntry("SERVER_PORT", "6200");
        assertThat(env.get("SECTOR_STORAGE_LOCATORURL"))
                .isEqualTo("http://" + locatorEnv.get("SECTOR_LOCATOR_ADVERTISEDHOST") + ":" + locatorEnv.get("SERVER_PORT"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void storageNodeKKeepsItsFilesOnAVolumeOfItsOwn(int k) {
        Map<String, Object> storage = map(services, STORAGE_NODES.get(k - 1));
        String dataDir = String.valueOf(map(storage, "environment").get("SECTOR_STORAGE_DATADIR"));
        String volume = "storage-%d-data".formatted(k);

        assertThat(dataDir).startsWith("/");
        assertThat(list(storage, "volumes")).containsExactly(volume + ":" + dataDir + ":rw");
        assertThat(volumes).containsKey(volume);
    }

    @Test
    void everyDataAndWorkVolumeIsMadeWritableForTheImagesUserBeforeAnyServiceUsingItStarts() {
        Map<String, Object> owner = map(services, "volume-owner");

        assertThat(list(owner, "volumes")).containsExactlyInAnyOrder(
                "storage-1-data:/volumes/storage-1:rw", "storage-2-data:/volumes/storage-2:rw", "storage-3-data:/volumes/storage-3:rw",
                "sphere-1-work:/volumes/sphere-1:rw", "sphere-2-work:/volumes/sphere-2:rw", "sphere-3-work:/volumes/sphere-3:rw");
        assertThat(String.join(" ", list(owner, "command").stream().map(String::valueOf).toList()))
                .contains("chgrp 1000 /volumes/*").contains("chmod 2770 /volumes/*");
        for (String name : concat(STORAGE_NODES, TRANSFER_AGENTS, SPHERE_WORKERS)) {
            assertThat(map(map(map(services, name), "depends_on"), "volume-owner")).as(name)
                    .containsEntry("condition", "service_completed_successfully");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void storageNodeKStartsOnceLocatorKIsHealthy(int k) {
        assertThat(map(map(map(services, STORAGE_NODES.get(k - 1)), "depends_on"), LOCATORS.get(k - 1)))
                .containsEntry("condition", "service_healthy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sector-storage-1", "sector-storage-2", "sector-storage-3"})
    void storageHealthMeansReadinessOnTheStoragePort(String name) {
        Map<String, Object> storage = map(services, name);

        assertThat(list(map(storage, "healthcheck"), "test")).containsExactly("CMD", "/workspace/health-check");
        assertThat(map(storage, "environment"))
                .containsEntry("THC_PORT", "6200")
                .containsEntry("THC_PATH", "/actuator/health/readiness");
    }

    @Test
    void storageNodeKIsPublishedOnTheAddressOfNodeK() {
        for (int k = 1; k <= STORAGE_NODES.size(); k++) {
            assertThat(list(map(services, STORAGE_NODES.get(k - 1)), "ports"))
                    .containsExactly("127.0.0.%d:6200:6200/tcp".formatted(10 + k));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sector-storage-1", "sector-storage-2", "sector-storage-3"})
    void storageNodesKnowOnlyTheHashOfTheWriteTokenAndAllowWritesFromLoopbackAndDockerNetworks(String name) {
        Map<String, Object> env = map(map(services, name), "environment");

        assertThat(env)
                .containsEntry("SECTOR_STORAGE_SECURITY_ACCOUNTS_0_NAME", "operator")
                .containsEntry("SECTOR_STORAGE_SECURITY_ACCOUNTS_0_TOKENSHA256", TOKEN_SHA256)
                .doesNotContainValue(TOKEN);
        assertThat(String.valueOf(env.get("SECTOR_STORAGE_SECURITY_WRITEALLOW")).split(",", -1))
                .containsExactly("127.0.0.0/8", "::1/128", "172.16.0.0/12", "192.168.0.0/16");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sector-locator-1", "sector-locator-2", "sector-locator-3"})
    void locatorsPresentTheWriteTokenWhenTheyAskForCopies(String name) {
        assertThat(map(map(services, name), "environment")).containsEntry("SECTOR_LOCATOR_REPLICATION_TOKEN", TOKEN);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void transferAgentKAdvertisesItsServiceNameAndStorageNodeKPublishesItsDataAddress(int k) {
        Map<String, Object> agent = map(services, TRANSFER_AGENTS.get(k - 1));
        Map<String, Object> env = map(agent, "environment");

        assertThat(agent.get("image")).isEqualTo("sectorsphere/transfer-agent:" + Repository.projectVersion());
        assertThat(env).containsEntry("SECTOR_TRANSFER_ADVERTISEDHOST", TRANSFER_AGENTS.get(k - 1))
                .containsEntry("SERVER_PORT", "6300")
                .containsEntry("SECTOR_TRANSFER_DATAPORT", "6301");
        assertThat(map(map(services, STORAGE_NODES.get(k - 1)), "environment"))
                .containsEntry("SECTOR_STORAGE_UDTADDRESS", env.get("SECTOR_TRANSFER_ADVERTISEDHOST") + ":" + env.get("SECTOR_TRANSFER_DATAPORT"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void transferAgentKServesTheFilesOfStorageNodeKFromTheSameVolume(int k) {
        Map<String, Object> agent = map(services, TRANSFER_AGENTS.get(k - 1));
        String dataDir = String.valueOf(map(agent, "environment").get("SECTOR_TRANSFER_DATADIR"));

        assertThat(list(agent, "volumes")).containsExactly("storage-%d-data:%s:rw".formatted(k, dataDir));
    }

    @Test
    void transferAgentKIsPublishedOnTheAddressOfNodeKWithItsDataPortOnUdpAndTcp() {
        for (int k = 1; k <= TRANSFER_AGENTS.size(); k++) {
            assertThat(list(map(services, TRANSFER_AGENTS.get(k - 1)), "ports")).containsExactlyInAnyOrder(
                    "127.0.0.%d:6300:6300/tcp".formatted(10 + k),
                    "127.0.0.%d:6301:6301/tcp".formatted(10 + k),
                    "127.0.0.%d:6301:6301/udp".formatted(10 + k));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sector-transfer-1", "sector-transfer-2", "sector-transfer-3"})
    void transferAgentsShareTheTicketSecretAndHealthIsReadinessOnTheirHttpPort(String name) {
        Map<String, Object> agent = map(services, name);

        assertThat(list(map(agent, "healthcheck"), "test")).containsExactly("CMD", "/workspace/health-check");
        assertThat(map(agent, "environment"))
                .containsEntry("SECTOR_TRANSFER_SECRET", TRANSFER_SECRET)
                .containsEntry("THC_PORT", "6300")
                .containsEntry("THC_PATH", "/actuator/health/readiness");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sector-storage-1", "sector-storage-2", "sector-storage-3"})
    void storageNodesSignTicketsWithTheAgentsSecret(String name) {
        assertThat(map(map(services, name), "environment"))
                .containsEntry("SECTOR_STORAGE_TRANSFER_SECRET", TRANSFER_SECRET);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void sphereWorkerKAdvertisesItsServiceNameOnPort6400AndRegistersWithLocatorK(int k) {
        Map<String, Object> worker = map(services, SPHERE_WORKERS.get(k - 1));
        Map<String, Object> env = map(worker, "environment");
        Map<String, Object> locatorEnv = map(map(services, LOCATORS.get(k - 1)), "environment");

        assertThat(worker.get("image")).isEqualTo("sectorsphere/sphere-worker:" + Repository.projectVersion());
        assertThat(env).containsEntry("SECTOR_SPHERE_ADVERTISEDHOST", SPHERE_WORKERS.get(k - 1)).containsEntry("SERVER_PORT", "6400");
        assertThat(env.get("SECTOR_SPHERE_LOCATORURL"))
                .isEqualTo("http://" + locatorEnv.get("SECTOR_LOCATOR_ADVERTISEDHOST") + ":" + locatorEnv.get("SERVER_PORT"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void sphereWorkerKNamesStorageNodeKByTheAddressItAdvertisesAndStartsOnceItIsHealthy(int k) {
        // Location records name a file's holders by that address: it is how the worker knows its local segments.
        Map<String, Object> worker = map(services, SPHERE_WORKERS.get(k - 1));
        Map<String, Object> storageEnv = map(map(services, STORAGE_NODES.get(k - 1)), "environment");

        assertThat(map(worker, "environment").get("SECTOR_SPHERE_STORAGEURL"))
                .isEqualTo("http://" + storageEnv.get("SECTOR_STORAGE_ADVERTISEDHOST") + ":" + storageEnv.get("SERVER_PORT"));
        assertThat(map(map(worker, "depends_on"), STORAGE_NODES.get(k - 1))).containsEntry("condition", "service_healthy");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void sphereWorkerKReadsStorageNodeKsVolumeReadOnlyAndWorksOnAVolumeOfItsOwn(int k) {
        Map<String, Object> worker = map(services, SPHERE_WORKERS.get(k - 1));
        Map<String, Object> env = map(worker, "environment");
        String storageDataDir = String.valueOf(map(map(services, STORAGE_NODES.get(k - 1)), "environment").get("SECTOR_STORAGE_DATADIR"));
        String work = "sphere-%d-work".formatted(k);

        assertThat(list(worker, "volumes")).containsExactlyInAnyOrder(
                "storage-%d-data:%s:ro".formatted(k, env.get("SECTOR_SPHERE_DATADIR")),
                "%s:%s:rw".formatted(work, env.get("SECTOR_SPHERE_WORKDIR")));
        assertThat(list(map(services, STORAGE_NODES.get(k - 1)), "volumes"))
                .containsExactly("storage-%d-data:%s:rw".formatted(k, storageDataDir));
        assertThat(volumes).containsKey(work);
    }

    @Test
    void sphereWorkerKIsPublishedOnTheAddressOfNodeK() {
        for (int k = 1; k <= SPHERE_WORKERS.size(); k++) {
            assertThat(list(map(services, SPHERE_WORKERS.get(k - 1)), "ports"))
                    .containsExactly("127.0.0.%d:6400:6400/tcp".formatted(10 + k));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sector-sphere-1", "sector-sphere-2", "sector-sphere-3"})
    void sphereWorkersLetTheWriteAccountRunJobsAndHealthIsReadinessOnTheirPort(String name) {
        Map<String, Object> worker = map(services, name);

        assertThat(list(map(worker, "healthcheck"), "test")).containsExactly("CMD", "/workspace/health-check");
        assertThat(map(worker, "environment"))
                .containsEntry("SECTOR_SPHERE_SECURITY_ACCOUNTS_0_NAME", "operator")
                .containsEntry("SECTOR_SPHERE_SECURITY_ACCOUNTS_0_TOKENSHA256", TOKEN_SHA256)
                .doesNotContainValue(TOKEN)
                .containsEntry("THC_PORT", "6400")
                .containsEntry("THC_PATH", "/actuator/health/readiness");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sector-sphere-1", "sector-sphere-2", "sector-sphere-3"})
    void sphereWorkersMemoryLimitHoldsTheirOwnHeapAndEveryElementsHeap(String name) {
        Map<String, Object> worker = map(services, name);
        Map<String, Object> env = map(worker, "environment");
        long elements = Long.parseLong(String.valueOf(env.get("SECTOR_SPHERE_PROCESSINGELEMENTS")));
        long elementHeap = mebibytes(String.valueOf(env.get("SECTOR_SPHERE_ELEMENTS_HEAP")));
        // Set, or the image's memory calculator would make the worker's heap nearly all of mem_limit.
        long workerHeap = mebibytes(String.valueOf(env.get("JAVA_TOOL_OPTIONS")).replaceFirst("^-Xmx", ""));

        // A set count: one per core would follow the machine's cores, which mem_limit does not.
        assertThat(elements).isPositive();
        // Each JVM needs room beside its heap: 100 MiB for every one is the least that holds.
        assertThat(mebibytes(String.valueOf(worker.get("mem_limit"))))
                .isGreaterThanOrEqualTo(workerHeap + elements * elementHeap + (elements + 1) * 100);
    }

    @Test
    void prometheusReadsTheCheckedInConfig() {
        Map<String, Object> prometheus = map(services, "prometheus");

        assertThat(list(prometheus, "volumes")).singleElement().asString()
                .endsWith("/deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        assertThat(list(prometheus, "command")).contains("--config.file=/etc/prometheus/prometheus.yml");
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    /** A size as compose, the JVM (512m) and Spring (512MB) write it, in MiB. */
    private static long mebibytes(String size) {
        Matcher matcher = Pattern.compile("(\\d+)([kmg]?)b?", Pattern.CASE_INSENSITIVE).matcher(size.strip());
        assertThat(matcher.matches()).as("a size: %s", size).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "g" -> amount * 1024;
            case "m" -> amount;
            case "k" -> amount / 1024;
            default -> amount / (1024 * 1024);
        };
    }

    private static Tool.Result compose(Path file, String... args) {
        return compose(file, environment -> { }, args);
    }

    /** Runs docker-compose on {@code file} with the test's values for the cluster's variables, then {@code edit}. */
    private static Tool.Result compose(Path file, Consumer<Map<String, String>> edit, String... args) {
        String[] command = new String[args.length + 2];
        command[0] = "-f";
        command[1] = file.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        // Fixed values rather than whatever the developer's shell exports.
        return Tool.DOCKER_COMPOSE.run(file.getParent(), environment -> {
            environment.put("SECTOR_TOKEN", TOKEN);
            environment.put("SECTOR_TOKEN_SHA256", TOKEN_SHA256);
            environment.put("SECTOR_TRANSFER_SECRET", TRANSFER_SECRET);
            environment.remove("SECTOR_WRITE_ALLOW");
            environment.remove("SECTOR_JOBS_ALLOW");
            edit.accept(environment);
        }, command);
    }
}
