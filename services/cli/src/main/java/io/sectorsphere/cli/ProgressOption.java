package io.sectorsphere.cli;

import picocli.CommandLine.Option;

/** The {@code --no-progress} option of the commands that transfer file content. */
final class ProgressOption {

    @Option(names = "--no-progress", description = "Show no progress bar, whatever the size.")
    private boolean noProgress;

    /** @param what what moves, e.g. {@code get a.dat} */
    TransferProgress start(String what, CliEnvironment environment) {
        return TransferProgress.of(what, environment, !noProgress);
    }
}
