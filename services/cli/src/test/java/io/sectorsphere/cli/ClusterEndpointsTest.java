package io.sectorsphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.client.SectorClientConfig;
import io.sectorsphere.client.SphereClientConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which node the cluster commands talk to: option, then variable, then a running local cluster, then node 1. */
class ClusterEndpointsTest {

    @TempDir
    Path launch;

    private final Map<String, String> variables = new HashMap<>();

    @Test
    void withNothingGivenItIsNodeOneOfTheLocalClusterAddresses() {
        SectorClientConfig config = resolve(null, null, null);

        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.11:6200"));
        assertThat(config.locator()).isEqualTo(URI.create("http://127.0.0.11:6100"));
        assertThat(config.token()).isNull();
    }

    @Test
    void aRunningLocalClusterNamesItsFirstNode() throws IOException {
        writeClusterFile("""
                {"pid": 1, "nodes": [
                  {"index": 1, "address": "127.0.0.141", "locator": "http://127.0.0.141:7100", "storage": "http://127.0.0.141:7200"},
                  {"index": 2, "address": "127.0.0.142", "locator": "http://127.0.0.142:7100", "storage": "http://127.0.0.142:7200"}]}
                """);

        SectorClientConfig config = resolve(null, null, null);

        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.141:7200"));
        assertThat(config.locator()).isEqualTo(URI.create("http://127.0.0.141:7100"));
    }

    @Test
    void theLocalClustersTokenGoesOnlyToItsOwnNodes() throws IOException {
        writeClusterFile("""
                {"token": "local-token", "nodes": [
                  {"locator": "http://127.0.0.141:6100", "storage": "http://127.0.0.141:6200"},
                  {"locator": "http://127.0.0.142:6100", "storage": "http://127.0.0.142:6200"}]}
                """);

        assertThat(resolve(null, null, null).token()).isEqualTo("local-token");
        assertThat(resolve("http://127.0.0.142:6200", null, null).token()).isEqualTo("local-token");
        assertThat(resolve("http://127.0.0.99:6200", null, null).token()).as("another cluster").isNull();
        assertThat(resolve(null, null, "mine").token()).isEqualTo("mine");
    }

    @Test
    void aLocalClusterWithoutStorageStillNamesItsLocator() throws IOException {
        writeClusterFile("{\"nodes\": [{\"index\": 1, \"locator\": \"http://127.0.0.141:7100\"}]}");

        SectorClientConfig config = resolve(null, null, null);

        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.11:6200"));
        assertThat(config.locator()).isEqualTo(URI.create("http://127.0.0.141:7100"));
    }

    @Test
    void anUnreadableClusterFileIsIgnored() throws IOException {
        writeClusterFile("{ not json");

        assertThat(resolve(null, null, null).endpoint()).isEqualTo(URI.create("http://127.0.0.11:6200"));
    }

    @Test
    void theVariablesComeBeforeTheClusterFileAndTheOptionsBeforeThem() throws IOException {
        writeClusterFile("{\"nodes\": [{\"storage\": \"http://127.0.0.141:7200\"}]}");
        variables.put("SECTOR_ENDPOINT", "http://127.0.0.12:6200");
        variables.put("SECTOR_TOKEN", "variable-token");

        SectorClientConfig fromVariables = resolve(null, null, null);
        SectorClientConfig fromOptions = resolve("http://127.0.0.13:6200/", "http://127.0.0.14:6100",
                "option-token");

        assertThat(fromVariables.endpoint()).isEqualTo(URI.create("http://127.0.0.12:6200"));
        assertThat(fromVariables.locator()).isEqualTo(URI.create("http://127.0.0.12:6100"));
        assertThat(fromVariables.token()).isEqualTo("variable-token");
        assertThat(fromOptions.endpoint()).isEqualTo(URI.create("http://127.0.0.13:6200"));
        assertThat(fromOptions.locator()).isEqualTo(URI.create("http://127.0.0.14:6100"));
        assertThat(fromOptions.token()).isEqualTo("option-token");
    }

    @Test
    void theSphereWorkerIsBesideTheStorageEndpointOnPort6400() {
        assertThat(resolveSphere(null, null, null).endpoint()).isEqualTo(URI.create("http://127.0.0.11:6400"));
        assertThat(resolveSphere(null, "http://10.1.2.3:6200", null).endpoint())
                .isEqualTo(URI.create("http://10.1.2.3:6400"));
        assertThat(resolveSphere(null, null, null).token()).isNull();
    }

    @Test
    void aLocalClusterNamesTheWorkerOfTheEndpointsNodeAndGivesItsTokenToItsWorkersOnly() throws IOException {
        writeClusterFile("""
                {"token": "local-token", "nodes": [
                  {"storage": "http://127.0.0.141:6200", "sphere": "http://127.0.0.141:7400"},
                  {"storage": "http://127.0.0.142:6200", "sphere": "http://127.0.0.142:7400"}]}
                """);

        assertThat(resolveSphere(null, null, null).endpoint()).isEqualTo(URI.create("http://127.0.0.141:7400"));
        assertThat(resolveSphere(null, "http://127.0.0.142:6200", null).endpoint())
                .isEqualTo(URI.create("http://127.0.0.142:7400"));
        assertThat(resolveSphere(null, null, null).token()).isEqualTo("local-token");
        assertThat(resolveSphere("http://127.0.0.99:6400", null, null).token()).as("another cluster").isNull();
        assertThat(resolveSphere("http://127.0.0.99:6400", null, "mine").token()).isEqualTo("mine");
    }

    @Test
    void aClusterFileWithoutWorkersMeansTheStorageHostsOnPort6400() throws IOException {
        writeClusterFile("""
                {"token": "local-token", "nodes": [{"storage": "http://127.0.0.141:7200"}]}
                """);

        SphereClientConfig config = resolveSphere(null, null, null);

        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.141:6400"));
        assertThat(config.token()).isEqualTo("local-token");
    }

    @Test
    void theSphereVariableComesBeforeTheClusterFileAndTheOptionBeforeIt() throws IOException {
        writeClusterFile("""
                {"nodes": [{"storage": "http://127.0.0.141:6200", "sphere": "http://127.0.0.141:6400"}]}
                """);
        variables.put("SECTOR_SPHERE_ENDPOINT", "http://127.0.0.12:6400");

        assertThat(resolveSphere(null, null, null).endpoint()).isEqualTo(URI.create("http://127.0.0.12:6400"));
        assertThat(resolveSphere("http://127.0.0.13:6400/", null, null).endpoint())
                .isEqualTo(URI.create("http://127.0.0.13:6400"));
    }

    private SphereClientConfig resolveSphere(String sphereEndpoint, String endpoint, String token) {
        CliEnvironment environment = new CliEnvironment(variables, launch, launch, new ByteArrayOutputStream(),
                new PrintStream(new ByteArrayOutputStream()), false, false);
        return ClusterEndpoints.resolveSphere(sphereEndpoint, endpoint, token, environment);
    }

    private SectorClientConfig resolve(String endpoint, String locator, String token) {
        CliEnvironment environment = new CliEnvironment(variables, launch, launch, new ByteArrayOutputStream(),
                new PrintStream(new ByteArrayOutputStream()), false, false);
        return ClusterEndpoints.resolve(endpoint, locator, token, environment);
    }

    private void writeClusterFile(String json) throws IOException {
        Path file = launch.resolve(ClusterEndpoints.LOCAL_CLUSTER_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }
}
