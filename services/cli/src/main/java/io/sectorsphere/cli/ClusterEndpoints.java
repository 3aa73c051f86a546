package io.sectorsphere.cli;

import io.sectorsphere.client.SectorClientConfig;
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
        LocalCluster local = LocalCluster.read(environment.launchDirectory().resolve(LOCAL_CLUSTER_FILE));
        URI storage = first("--endpoint", endpoint, SectorClientConfig.ENDPOINT_VARIABLE,
                environment.variable(SectorClientConfig.ENDPOINT_VARIABLE), local.firstStorage());
        if (storage == null) {
            storage = SectorClientConfig.DEFAULT_ENDPOINT;
        }
        // Null lets the client take the locator beside the endpoint, where every node runs one.
        URI locatorUri = first("--locator", locator, SectorClientConfig.LOCATOR_VARIABLE,
                environment.variable(SectorClientConfig.LOCATOR_VARIABLE), local.firstLocator());
        String tokenValue = token != null && !token.isBlank() ? token
                : environment.variable(SectorClientConfig.TOKEN_VARIABLE);
        if (tokenValue == null && local.isNode(storage)) {
            tokenValue = local.token();
        }
        return new SectorClientConfig(storage, locatorUri, tokenValue, null, null);
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
     * @param storages every node's storage URL, node 1 first
     * @param firstLocator node 1's locator URL, or null
     * @param token the cluster's write token, or null
     */
    private record LocalCluster(List<URI> storages, URI firstLocator, String token) {

        private static final LocalCluster NONE = new LocalCluster(List.of(), null, null);

        static LocalCluster read(Path file) {
            if (!Files.isRegularFile(file)) {
                return NONE;
            }
            try {
                JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
                List<URI> storages = new ArrayList<>();
                for (JsonNode node : root.path("nodes")) {
                    URI storage = url(node.path("storage"));
                    if (storage != null) {
                        storages.add(storage);
                    }
                }
                String token = root.path("token").isString() ? root.path("token").asString() : null;
                return new LocalCluster(storages, url(root.path("nodes").path(0).path("locator")), token);
            } catch (IOException | JacksonException e) {
                return NONE;
            }
        }

        URI firstStorage() {
            return storages.isEmpty() ? null : storages.getFirst();
        }

        /** Whether {@code endpoint} is one of these nodes, so that the cluster's token may go to it. */
        boolean isNode(URI endpoint) {
            return storages.stream().anyMatch(storage -> sameOrigin(storage, endpoint));
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
