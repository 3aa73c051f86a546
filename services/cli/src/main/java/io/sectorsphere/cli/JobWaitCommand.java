package io.sectorsphere.cli;

import io.sectorsphere.client.SphereClient;
import io.sectorsphere.common.sphere.JobStatus;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sector job wait}: follows a job to its end with a progress bar; exits non-zero unless it succeeded. */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = {"Wait for a job to finish, with a progress bar on stderr, and print a summary.",
            "Exits 0 if the job succeeded, 17 with its error if it failed or was cancelled."})
final class JobWaitCommand extends JobIdCommand {

    @Mixin
    private JobProgressOption progressOption;

    @Override
    public Integer call() {
        JobStatus finished;
        try (SphereClient client = sector().sphereClient()) {
            finished = new JobRunner(client, sector().environment(), progressOption.wanted()).await(id);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(JobReports.summary(finished));
        finished.outputs().forEach(out::println);
        return ExitCodes.OK;
    }
}
