package io.sectorsphere.cli;

import io.sectorsphere.client.SectorClientConfig;
import io.sectorsphere.client.SphereClientConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which node the cluster commands talk to, and with which token. For the endpoint and the locator,
 * the first of these that names one wins: the command-line option, the environment variable, node
 * 1 of a running {@code ./sector local} (its {@code cluster.json}), and finally node 1's standard
 * address. The token comes from {@code --token}, else {@code SECTOR_TOKEN}, else the local
 * cluster's own, but that one only when the endpoint is one of its nodes.
 *
 * <p>The sphere worker the job commands talk to is {@code --sphere-endpoint}, else
 * {@code SECTOR_SPHERE_ENDPOINT}, else the worker of the node the storage endpoint names (from
 * {@code cluster.json}), else the storage endpoint's host on port 6400, where every node runs one.
 */
final class ClusterEndpoints {

    /** Where {@code ./sector local} describes the cluster it runs, below the launch directory. */
    static final Path LOCAL_CLUSTER_FILE = Path.of(".sector", "local", "cluster.json");

    private ClusterEndpoints() {
    }

    /**
     * @param endpoint {@code --endpoint}, or null
     * @param locator {@code --locator}, or null
     * @param token {@code --token}, or null
     * @throws IllegalArgumentException if a URL given is not one
     */
    static SectorClientConfig resolve(String endpoint, String locator, String token, CliEnvironment environment) {
        LocalCluster local = LocalCluster.read(environment);
        URI storage = storage(endpoint, environment, local);
        // Null lets the client take the locator beside the endpoint, where every node runs one.
        URI locatorUri = first("--locator", locator, SectorClientConfig.LOCATOR_VARIABLE,
                environment.variable(SectorClientConfig.LOCATOR_VARIABLE), local.firstLocator());
        String tokenValue = givenToken(token, environment);
        if (tokenValue == null && local.isNode(storage)) {
            tokenValue = local.token();
        }
        return new SectorClientConfig(storage, locatorUri, tokenValue, null, null);
    }

    /**
     * @param sphereEndpoint {@code --sphere-endpoint}, or null
     * @param endpoint {@code --endpoint}, or null: the worker beside it is the default
     * @param token {@code --token}, or null
     * @throws IllegalArgumentException if a URL given is not one
     */
    static SphereClientConfig resolveSphere(String sphereEndpoint, String endpoint, String token,
                                            CliEnvironment environment) {
        LocalCluster local = LocalCluster.read(environment);
        URI storage = storage(endpoint, environment, local);
        URI worker = first("--sphere-endpoint", sphereEndpoint, SphereClientConfig.ENDPOINT_VARIABLE,
                environment.variable(SphereClientConfig.ENDPOINT_VARIABLE), local.workerOf(storage));
        if (worker == null) {
            worker = SphereClientConfig.besideStorage(storage);
        }
        String tokenValue = givenToken(token, environment);
        if (tokenValue == null && local.isWorker(worker)) {
            tokenValue = local.token();
        }
        return new SphereClientConfig(worker, tokenValue, null, null);
    }

    private static URI storage(String endpoint, CliEnvironment environment, LocalCluster local) {
        URI storage = first("--endpoint", endpoint, SectorClientConfig.ENDPOINT_VARIABLE,
                environment.variable(SectorClientConfig.ENDPOINT_VARIABLE), local.firstStorage());
        return storage != null ? storage : SectorClientConfig.DEFAULT_ENDPOINT;
    }

    private static String givenToken(String token, CliEnvironment environment) {
        return token != null && !token.isBlank() ? token : environment.variable(SectorClientConfig.TOKEN_VARIABLE);
    }

    private static URI first(String option, String optionValue, String variable, String variableValue,
                             URI fromFile) {
        if (optionValue != null && !optionValue.isBlank()) {
            return parse(option, optionValue);
        }
        if (variableValue != null) {
            return parse(variable, variableValue);
        }
        return fromFile;
    }

    private static URI parse(String source, String value) {
        try {
            return new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + " is not a URL: " + value, e);
        }
    }

    /**
     * What {@code cluster.json} says, read loosely: the file belongs to the launcher, which may add
     * fields, and one that cannot be read is no reason to fail a command that has a default.
     *
     * @param nodes every node with a storage URL, node 1 first
     * @param firstLocator node 1's locator URL, or null
     * @param token the cluster's write token, or null
     */
    private record LocalCluster(List<Node> nodes, URI firstLocator, String token) {

        private static final LocalCluster NONE = new LocalCluster(List.of(), null, null);

        /** A node's storage URL and its worker's, the storage host on port 6400 unless the file names it. */
        private record Node(URI storage, URI worker) {
        }

        static LocalCluster read(CliEnvironment environment) {
            Path file = environment.launchDirectory().resolve(LOCAL_CLUSTER_FILE);
            if (!Files.isRegularFile(file)) {
                return NONE;
            }
            try {
                JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
                List<Node> nodes = new ArrayList<>();
                for (JsonNode node : root.path("nodes")) {
                    URI storage = url(node.path("storage"));
                    if (storage != null) {
                        URI worker = url(node.path("sphere"));
                        nodes.add(new Node(storage,
                                worker != null ? worker : SphereClientConfig.besideStorage(storage)));
                    }
                }
                String token = root.path("token").isString() ? root.path("token").asString() : null;
                return new LocalCluster(nodes, url(root.path("nodes").path(0).path("locator")), token);
            } catch (IOException | JacksonException | IllegalArgumentException e) {
                return NONE;
            }
        }

        URI firstStorage() {
            return nodes.isEmpty() ? null : nodes.getFirst().storage();
        }

        /** Whether {@code endpoint} is one of these nodes, so that the cluster's token may go to it. */
        boolean isNode(URI endpoint) {
            return nodes.stream().anyMatch(node -> sameOrigin(node.storage(), endpoint));
        }

        /** Whether {@code endpoint} is one of these nodes' workers, so that the cluster's token may go to it. */
        boolean isWorker(URI endpoint) {
            return nodes.stream().anyMatch(node -> sameOrigin(node.worker(), endpoint));
        }

        /** The worker of the node whose storage is at {@code storage}, or null if that is none of these. */
        URI workerOf(URI storage) {
            return nodes.stream().filter(node -> sameOrigin(node.storage(), storage)).map(Node::worker)
                    .findFirst().orElse(null);
        }

        private static boolean sameOrigin(URI a, URI b) {
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
        }

        private static int port(URI uri) {
            return uri.getPort() != -1 ? uri.getPort() : Objects.equals(uri.getScheme(), "https") ? 443 : 80;
        }

        private static URI url(JsonNode value) {
            if (!value.isString() || value.asString().isBlank()) {
                return null;
            }
            try {
                return new URI(value.asString().strip());
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }
}
