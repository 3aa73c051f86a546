package io.sectorsphere.cli;

import io.sectorsphere.client.SectorClient;
import io.sectorsphere.client.SectorClientConfig;
import io.sectorsphere.client.SphereClient;
import io.sectorsphere.client.SphereClientConfig;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code sector} command: on its own it only shows its usage. It holds the options
 * every cluster command shares, which may be given before or after the subcommand's name.
 */
@Command(name = "sector", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sector/Sphere: store, find and process very large files across a cluster.",
        subcommands = {PutCommand.class, GetCommand.class, ListCommand.class, StatCommand.class,
            RemoveCommand.class, LocateCommand.class, SysinfoCommand.class, JobCommand.class, StreamCommand.class,
            TeragenCommand.class, TerasortCommand.class, TeravalidateCommand.class, LocalCommand.class,
            CompletionCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:unexpected internal error, or an answer the client does not understand",
            "2:invalid options or arguments",
            "3:a port the cluster needs is already in use",
            "4:an address the cluster needs cannot be bound",
            "5:the cluster did not become ready in time",
            "6:a node failed to start",
            "7:a local file cannot be read or written",
            "8:teravalidate found the output out of order",
            "10:no such file in the cluster",
            "11:denied: no token, a wrong token, or an address not allowed to write",
            "12:the file exists (use --overwrite) or changed during the request",
            "13:the cluster refused the request as invalid",
            "14:no room for the file on the node",
            "15:the cluster cannot be reached or failed; try again or another --endpoint",
            "16:the downloaded content does not match the file's checksum",
            "17:the job failed (its error is the message) or was cancelled",
            "130/143:stopped by Ctrl-C / SIGTERM",
            "141:standard output closed by its reader (| head), silently"})
final class SectorCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Storage node to talk to; any node answers for every file. Default: $SECTOR_ENDPOINT, "
                    + "else node 1 of the running local cluster, else http://127.0.0.11:6200.")
    private String endpoint;

    @Option(names = "--locator", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Locator for locate and sysinfo. Default: $SECTOR_LOCATOR, else node 1's of the running "
                    + "local cluster, else the one on the endpoint's host, port 6100.")
    private String locator;

    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
            description = "Token for writes. Default: $SECTOR_TOKEN (which, unlike an option, other users cannot see "
                    + "in the process list), else the running local cluster's own when talking to its nodes.")
    private String token;

    @Option(names = "--sphere-endpoint", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Sphere worker for the job commands; any worker accepts jobs. Default: "
                    + "$SECTOR_SPHERE_ENDPOINT, else the worker of the endpoint's node in the running local cluster, "
                    + "else the endpoint's host, port 6400.")
    private String sphereEndpoint;

    SectorCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    CliEnvironment environment() {
        return environment;
    }

    /**
     * A client of the cluster the options and environment point at; the caller closes it.
     *
     * @throws IllegalArgumentException if an endpoint given is not a URL
     */
    SectorClient client() {
        return new SectorClient(clientConfig());
    }

    /** Where and as whom {@link #client()} talks to the cluster. */
    SectorClientConfig clientConfig() {
        return ClusterEndpoints.resolve(endpoint, locator, token, environment);
    }

    /**
     * A client of the sphere worker the options and environment point at; the caller closes it.
     *
     * @throws IllegalArgumentException if an endpoint given is not a URL
     */
    SphereClient sphereClient() {
        return new SphereClient(sphereClientConfig());
    }

    /** Where and as whom {@link #sphereClient()} talks to Sphere. */
    SphereClientConfig sphereClientConfig() {
        return ClusterEndpoints.resolveSphere(sphereEndpoint, endpoint, token, environment);
    }

    /**
     * The command line with its subcommands and error handling, in this process's environment.
     *
     * @param foreground how {@code sector local} holds the cluster once it is up
     */
    static CommandLine commandLine(LocalCommand.Foreground foreground) {
        return commandLine(foreground, CliEnvironment.system());
    }

    static CommandLine commandLine(LocalCommand.Foreground foreground, CliEnvironment environment) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == LocalCommand.class) {
                    return type.cast(new LocalCommand(foreground));
                }
                return defaults.create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new SectorCommand(environment), factory)
                .setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(ErrorHandler::handleParameterException)
                .setCaseInsensitiveEnumValuesAllowed(true);
        withoutClusterOptions(commandLine.getSubcommands().get("local"));
        withoutClusterOptions(commandLine.getSubcommands().get("completion"));
        return commandLine;
    }

    /** The cluster options mean nothing to a command that talks to no cluster: not in its help or completion. */
    private static void withoutClusterOptions(CommandLine subcommand) {
        CommandSpec spec = subcommand.getCommandSpec();
        for (OptionSpec option : List.copyOf(spec.options())) {
            if (option.inherited()) {
                spec.remove(option);
            }
        }
    }
}
