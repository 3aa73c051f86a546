package io.sectorsphere.cli;

import io.sectorsphere.localcluster.LocalClusterException;
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
        commandLine.getErr().println("sector: " + message(e));
        commandLine.getErr().flush();
        return exitCode(e);
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
        if (e instanceof LocalClusterException failure) {
            return switch (failure.reason()) {
                case ADDRESS_IN_USE -> ExitCodes.ADDRESS_IN_USE;
                case ADDRESS_UNAVAILABLE -> ExitCodes.ADDRESS_UNAVAILABLE;
                case NOT_READY -> ExitCodes.NOT_READY;
                case START_FAILED -> ExitCodes.START_FAILED;
            };
        }
        if (e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.SOFTWARE;
    }

    /** The first line only: a readiness timeout carries a multi-line state dump for the log. */
    private static String message(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String firstLine = message.lines().findFirst().orElse(message);
        return e instanceof LocalClusterException || e instanceof IllegalArgumentException
                ? firstLine : e.getClass().getSimpleName() + ": " + firstLine;
    }
}
