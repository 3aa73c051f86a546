package io.sectorsphere.cli;

import picocli.CommandLine.Option;

/** The {@code --no-progress} option of the commands that wait for a job. */
final class JobProgressOption {

    @Option(names = "--no-progress", description = "Show no progress bar while waiting for the job.")
    private boolean noProgress;

    boolean wanted() {
        return !noProgress;
    }
}
