package io.sectorsphere.cli;

import io.sectorsphere.localcluster.LocalCluster;
import io.sectorsphere.localcluster.LocalClusterException;
import io.sectorsphere.localcluster.LocalClusterSettings;
import io.sectorsphere.localcluster.NodeEndpoints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sector local}: a cluster on loopback in this process, in the foreground until Ctrl-C. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = {"Start a local cluster on loopback and run it until Ctrl-C.",
            "Node k listens on 127.0.0.(10+k) with the standard ports; every node runs in this process. The "
                + "endpoints are printed and written to the state directory's cluster.json."})
final class LocalCommand implements Callable<Integer> {

    /** How the command holds a started cluster; tests swap in one that returns at once. */
    @FunctionalInterface
    interface Foreground {
        /** Blocks until the user stops the process; the JVM's shutdown hook then closes the cluster. */
        Foreground UNTIL_STOPPED = cluster -> new CountDownLatch(1).await();

        void hold(LocalCluster cluster) throws InterruptedException;
    }

    private final Foreground foreground;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-n", "--nodes"}, paramLabel = "N", defaultValue = "4",
            description = "Number of nodes (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--base-address", paramLabel = "ADDRESS", defaultValue = LocalClusterSettings.DEFAULT_BASE_ADDRESS,
            description = "Loopback address before node 1's (default: ${DEFAULT-VALUE}: node 1 on 127.0.0.11).")
    private String baseAddress;

    @Option(names = "--locator-port", paramLabel = "PORT", defaultValue = "6100",
            description = "Port of every node's locator service (default: ${DEFAULT-VALUE}).")
    private int locatorPort;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".sector/local",
            description = "Where cluster.json and the logs go (default: ${DEFAULT-VALUE}).")
    private Path stateDirectory;

    @Option(names = "--ready-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up if the ring is not consistent after this long (default: ${DEFAULT-VALUE}).")
    private long readyTimeoutSeconds;

    @Option(names = {"-v", "--verbose"}, description = "Show the nodes' logs on the console too.")
    private boolean verbose;

    LocalCommand(Foreground foreground) {
        this.foreground = foreground;
    }

    @Override
    public Integer call() throws InterruptedException {
        LocalClusterSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Starting a local cluster of %d nodes (logs in %s)...%n", nodes, logFile());
        out.flush();
        long started = System.nanoTime();
        try (LocalCluster cluster = LocalCluster.start(settings, event -> {
            out.println("  " + event);
            out.flush();
        })) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            out.printf("Local cluster ready in %.1f s:%n", took.toMillis() / 1000.0);
            for (NodeEndpoints node : cluster.endpoints()) {
                out.printf("  node %d  %-15s  locator %s  storage %s  sphere %s%n", node.index(), node.address(),
                        node.locator(), node.storage(), node.sphere());
            }
            out.printf("Endpoints written to %s. Press Ctrl-C to stop.%n", cluster.descriptor());
            out.flush();
            foreground.hold(cluster);
        } catch (LocalClusterException e) {
            String firstLine = e.getMessage().lines().findFirst().orElse("");
            throw new LocalClusterException(e.reason(), firstLine + " (node logs: " + logFile() + ")", e);
        }
        return ExitCodes.OK;
    }

    private LocalClusterSettings settings() {
        if (nodes < 1) {
            throw new ParameterException(spec.commandLine(), "--nodes must be at least 1, not " + nodes);
        }
        if (readyTimeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--ready-timeout must be at least 1 second");
        }
        try {
            return LocalClusterSettings.defaults()
                    .withNodes(nodes)
                    .withBaseAddress(baseAddress)
                    .withLocatorPort(locatorPort)
                    .withStateDirectory(stateDirectory)
                    .withReadyTimeout(Duration.ofSeconds(readyTimeoutSeconds))
                    .withNodeProperties(logging());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * The nodes' logs go to a file only, unless asked for: four nodes' logs would bury the
     * endpoints, and a failure is reported in one line by the command itself.
     */
    private Map<String, String> logging() {
        return Map.of(
                "logging.file.name", logFile().toString(),
                "logging.threshold.console", verbose ? "INFO" : "OFF");
    }

    private Path logFile() {
        return stateDirectory.resolve("logs").resolve("local.log");
    }
}
