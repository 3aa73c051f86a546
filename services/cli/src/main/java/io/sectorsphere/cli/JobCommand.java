package io.sectorsphere.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sector job}: Sphere jobs on the cluster; on its own it only shows its usage. */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = {"Run Sphere jobs: a function over every record of files, next to the data.",
            "Any sphere worker accepts a job (--sphere-endpoint) and answers for the jobs it knows."},
        subcommands = {JobSubmitCommand.class, JobStatusCommand.class, JobWaitCommand.class, JobCancelCommand.class,
            JobListCommand.class, JobResultsCommand.class})
final class JobCommand implements Callable<Integer> {

    @ParentCommand
    SectorCommand sector;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
