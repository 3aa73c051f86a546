package io.sectorsphere.cli;

import io.sectorsphere.client.SphereClient;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code sector job ls}: the jobs the worker knows, newest first. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List the jobs the worker knows, newest first: id, state, submit time, segments done, name.")
final class JobListCommand extends JobSubcommand {

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SphereClient client = sector().sphereClient()) {
            JobReports.table(client.list(), out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
