package io.sectorsphere.cli;

import io.sectorsphere.client.SectorException;
import io.sectorsphere.localcluster.LocalClusterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr and the exit code for its kind; the stack trace is for
 * developers and stays out of the way (the node logs keep the details).
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        Exception failure = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (failure instanceof StdoutClosedException) {
            return ExitCodes.STDOUT_CLOSED; // the reader wanted no more: nothing to report
        }
        commandLine.getErr().println("sector: " + message(failure));
        commandLine.getErr().flush();
        return exitCode(failure);
    }

    /** Bad input: the problem and where to read more, on one line. */
    static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
        command.getErr().flush();
        return ExitCodes.USAGE;
    }

    static int exitCode(Exception e) {
        return switch (e) {
            case LocalClusterException failure -> switch (failure.reason()) {
                case ADDRESS_IN_USE -> ExitCodes.ADDRESS_IN_USE;
                case ADDRESS_UNAVAILABLE -> ExitCodes.ADDRESS_UNAVAILABLE;
                case NOT_READY -> ExitCodes.NOT_READY;
                case START_FAILED -> ExitCodes.START_FAILED;
            };
            // The client library names the code of each kind of failure it reports.
            case SectorException failure -> failure.exitCode();
            case IOException _ -> ExitCodes.LOCAL_IO;
            case IllegalArgumentException _ -> ExitCodes.USAGE;
            default -> ExitCodes.SOFTWARE;
        };
    }

    /**
     * The first line only: a readiness timeout carries a multi-line state dump for the log. Failures
     * we expect speak for themselves; anything else is named by its class, for the bug report.
     */
    private static String message(Exception e) {
        if (e instanceof IOException io) {
            return LocalFiles.describe(io);
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String firstLine = message.lines().findFirst().orElse(message);
        boolean expected = e instanceof LocalClusterException || e instanceof SectorException
                || e instanceof IllegalArgumentException;
        return expected ? firstLine : e.getClass().getSimpleName() + ": " + firstLine;
    }
}
