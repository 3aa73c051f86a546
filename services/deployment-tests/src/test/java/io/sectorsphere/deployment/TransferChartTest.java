package io.sectorsphere.deployment;

import static io.sectorsphere.deployment.ChartObjects.container;
import static io.sectorsphere.deployment.ChartObjects.env;
import static io.sectorsphere.deployment.ChartObjects.envVar;
import static io.sectorsphere.deployment.ChartObjects.only;
import static io.sectorsphere.deployment.ChartObjects.service;
import static io.sectorsphere.deployment.SectorChartTest.assertHttpProbe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transfer agent in every node pod: beside the storage node, on its files, with its data port on UDP and TCP. */
class TransferChartTest {

    private static List<HasMetadata> defaults;
    private static StatefulSet nodes;

    @BeforeAll
    static void renderDefaults() {
        defaults = ChartRenderer.render();
        nodes = only(defaults, StatefulSet.class);
    }

    @Test
    void everyPodRunsATransferAgentOfTheProjectVersion() {
        assertThat(transfer(nodes).getImage()).isEqualTo("sectorsphere/transfer-agent:" + Repository.projectVersion());
    }

    @Test
    void dataPortIsDeclaredOnceForUdtOverUdpAndOnceForTcp() {
        assertThat(transfer(nodes).getPorts())
                .extracting(ContainerPort::getName, ContainerPort::getContainerPort, ContainerPort::getProtocol)
                .containsExactlyInAnyOrder(
                        tuple("transfer-http", 6300, "TCP"),
                        tuple("transfer-udt", 6301, "UDP"),
                        tuple("transfer-tcp", 6301, "TCP"));
        assertThat(env(transfer(nodes), "SECTOR_TRANSFER_DATAPORT")).isEqualTo("6301");
        assertThat(env(transfer(nodes), "SERVER_PORT")).isEqualTo("6300");
    }

    @Test
    void headlessServiceGivesEveryPortOfTheAgentItsProtocol() {
        List<ServicePort> ports = service(defaults, "sector-node").getSpec().getPorts();

        assertThat(ports).extracting(ServicePort::getName, ServicePort::getPort, ServicePort::getProtocol)
                .contains(
                        tuple("transfer-http", 6300, "TCP"),
                        tuple("transfer-udt", 6301, "UDP"),
                        tuple("transfer-tcp", 6301, "TCP"));
        assertThat(ports).allSatisfy(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo(port.getName()));
    }

    @Test
    void agentAdvertisesThePodsNameAndTheStorageNodePublishesItsDataAddress() {
        Container transfer = transfer(nodes);
        Container storage = container(nodes, "storage");
        List<String> names = transfer.getEnv().stream().map(EnvVar::getName).toList();

        assertThat(env(transfer, "SECTOR_TRANSFER_ADVERTISEDHOST")).isEqualTo(env(storage, "SECTOR_STORAGE_ADVERTISEDHOST"));
        assertThat(env(storage, "SECTOR_STORAGE_UDTADDRESS"))
                .isEqualTo(env(transfer, "SECTOR_TRANSFER_ADVERTISEDHOST") + ":" + env(transfer, "SECTOR_TRANSFER_DATAPORT"));
        assertThat(names.indexOf("POD_NAME")).isLessThan(names.indexOf("SECTOR_TRANSFER_ADVERTISEDHOST"));
    }

    @Test
    void dataPortValueMovesTheDeclaredPortsAndThePublishedAddress() {
        List<HasMetadata> objects = ChartRenderer.render(Map.of("transfer.dataPort", 7301));
        StatefulSet moved = only(objects, StatefulSet.class);

        assertThat(transfer(moved).getPorts()).filteredOn(p -> !p.getName().equals("transfer-http"))
                .extracting(ContainerPort::getContainerPort).containsOnly(7301);
        assertThat(env(container(moved, "storage"), "SECTOR_STORAGE_UDTADDRESS")).endsWith(":7301");
        assertThat(service(objects, "sector-node").getSpec().getPorts())
                .filteredOn(p -> p.getName().equals("transfer-udt")).singleElement()
                .satisfies(p -> assertThat(p.getPort()).isEqualTo(7301));
    }

    @Test
    void agentWorksOnTheStorageNodesDataVolume() {
        Container transfer = transfer(nodes);
        Container storage = container(nodes, "storage");
        String dataDir = env(transfer, "SECTOR_TRANSFER_DATADIR");

        assertThat(dataDir).isEqualTo(env(storage, "SECTOR_STORAGE_DATADIR"));
        assertThat(transfer.getVolumeMounts()).filteredOn(m -> m.getMountPath().equals(dataDir))
                .singleElement().extracting(VolumeMount::getName).isEqualTo("data");
        assertThat(transfer.getVolumeMounts()).extracting(VolumeMount::getMountPath).contains("/tmp");
    }

    @Test
    void ticketSecretComesFromTheReleasesSecretUnlessOneIsNamed() {
        SecretKeySelector byDefault = envVar(transfer(nodes), "SECTOR_TRANSFER_SECRET").getValueFrom().getSecretKeyRef();
        SecretKeySelector signing = envVar(container(nodes, "storage"), "SECTOR_STORAGE_TRANSFER_SECRET")
                .getValueFrom().getSecretKeyRef();
        SecretKeySelector named = envVar(transfer(only(ChartRenderer.render(Map.of(
                "transfer.secret.name", "tickets", "transfer.secret.key", "hmac")), StatefulSet.class)), "SECTOR_TRANSFER_SECRET")
                .getValueFrom().getSecretKeyRef();

        assertThat(byDefault.getName()).isEqualTo("sector-transfer");
        assertThat(byDefault.getKey()).isEqualTo("secret");
        assertThat(signing).as("the storage node signs tickets with the agents' secret").isEqualTo(byDefault);
        assertThat(named.getName()).isEqualTo("tickets");
        assertThat(named.getKey()).isEqualTo("hmac");
        // The operator creates it: the chart never puts a secret into a rendered manifest.
        assertThat(defaults).noneMatch(o -> o.getKind().equals("Secret"));
    }

    @Test
    void probesUseTheActuatorHealthGroupsOnTheAgentsHttpPort() {
        Container transfer = transfer(nodes);

        assertHttpProbe(transfer.getReadinessProbe(), "/actuator/health/readiness", "transfer-http");
        assertHttpProbe(transfer.getLivenessProbe(), "/actuator/health/liveness", "transfer-http");
        assertHttpProbe(transfer.getStartupProbe(), "/actuator/health/liveness", "transfer-http");
    }

    @Test
    void jobsAreAcceptedFromLoopbackAndPrivateNetworksByDefault() {
        assertThat(env(transfer(nodes), "SECTOR_TRANSFER_SECURITY_JOBSALLOW"))
                .isEqualTo("127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16");
        assertThat(env(transfer(only(ChartRenderer.render(Map.of("transfer.jobsAllow[0]", "10.244.0.0/16")), StatefulSet.class)),
                "SECTOR_TRANSFER_SECURITY_JOBSALLOW")).isEqualTo("10.244.0.0/16");
    }

    @Test
    void schemaRejectsADataPortOutOfRange() {
        assertThatThrownBy(() -> ChartRenderer.template(Map.of("transfer.dataPort", 70000)))
                .hasMessageContaining("schema")
                .hasMessageContaining("dataPort");
    }

    private static Container transfer(StatefulSet nodes) {
        return container(nodes, "transfer");
    }
}
