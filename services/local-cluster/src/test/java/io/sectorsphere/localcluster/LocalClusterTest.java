package io.sectorsphere.localcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.common.ring.RingStatus;
import io.sectorsphere.localcluster.LocalClusterException.Reason;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalClusterTest {

    /** Away from the default 127.0.0.10 so a developer's running `sector local` does not interfere. */
    private static final String BASE = "127.0.0.120";

    @TempDir
    Path state;

    @Test
    void nodesOnTheirOwnAddressesFormOneRingAndAreListedInClusterJson() throws Exception {
        LocalClusterSettings settings = settings(3);
        Path descriptor;
        try (LocalCluster cluster = LocalCluster.start(settings); HttpClient http = LocatorClient.newHttpClient()) {
            assertThat(cluster.endpoints()).extracting(NodeEndpoints::locator).containsExactly(
                    "http://127.0.0.121:" + settings.locatorPort(),
                    "http://127.0.0.122:" + settings.locatorPort(),
                    "http://127.0.0.123:" + settings.locatorPort());
            Map<String, RingStatus> states = new LinkedHashMap<>();
            for (NodeEndpoints node : cluster.endpoints()) {
                states.put(node.address() + ":" + settings.locatorPort(), new LocatorClient(node.locator(), http).ring());
            }
            assertThat(RingConsistency.problems(new LinkedHashSet<>(states.keySet()), states)).isEmpty();

            descriptor = cluster.descriptor();
            assertThat(descriptor).isEqualTo(state.resolve("cluster.json"));
            ClusterDescriptor written = ClusterDescriptor.readFrom(descriptor);
            assertThat(written.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(written.nodes()).isEqualTo(cluster.endpoints());
        }
        assertThat(descriptor).as("cluster.json describes a running cluster only").doesNotExist();
        assertThat(state).as("the state directory itself stays").isDirectory();
    }

    @Test
    void aTakenPortIsReportedAsAddressInUse() throws Exception {
        LocalClusterSettings settings = settings(1);
        try (ServerSocket taken = new ServerSocket(settings.locatorPort(), 1, InetAddress.getByName("127.0.0.121"))) {
            assertThatThrownBy(() -> LocalCluster.start(settings))
                    .isInstanceOfSatisfying(LocalClusterException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ADDRESS_IN_USE))
                    .hasMessageContaining("127.0.0.121:" + settings.locatorPort() + " is already in use");
        }
        assertThat(Files.exists(state.resolve("cluster.json"))).isFalse();
    }

    private LocalClusterSettings settings(int nodes) throws Exception {
        List<String> addresses = List.of("127.0.0.121", "127.0.0.122", "127.0.0.123").subList(0, nodes);
        return LocalClusterSettings.defaults().withNodes(nodes).withBaseAddress(BASE)
                .withLocatorPort(FreePorts.onAll(addresses)).withStateDirectory(state)
                .withReadyTimeout(Duration.ofSeconds(60));
    }
}
