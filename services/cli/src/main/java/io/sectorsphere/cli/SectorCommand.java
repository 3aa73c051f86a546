package io.sectorsphere.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code sector} command: on its own it only shows its usage. */
@Command(name = "sector", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sector/Sphere: store, find and process very large files across a cluster.",
        subcommands = {LocalCommand.class, CompletionCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:unexpected internal error",
            "2:invalid options or arguments",
            "3:a port the cluster needs is already in use",
            "4:an address the cluster needs cannot be bound",
            "5:the cluster did not become ready in time",
            "6:a node failed to start",
            "130/143:stopped by Ctrl-C / SIGTERM"})
final class SectorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * The command line with its subcommands and error handling.
     *
     * @param foreground how {@code sector local} holds the cluster once it is up
     */
    static CommandLine commandLine(LocalCommand.Foreground foreground) {
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
        return new CommandLine(new SectorCommand(), factory)
                .setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(ErrorHandler::handleParameterException)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
