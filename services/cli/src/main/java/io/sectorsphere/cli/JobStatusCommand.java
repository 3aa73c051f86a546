package io.sectorsphere.cli;

import io.sectorsphere.client.SphereClient;
import io.sectorsphere.common.sphere.JobStatus;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code sector job status}: a job's state and progress, per stage, for people or as JSON. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a job's state, its progress per stage, its error or its output files.")
final class JobStatusCommand extends JobIdCommand {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Option(names = "--json", description = "The status as the worker's JSON, for scripts.")
    private boolean json;

    @Override
    public Integer call() {
        JobStatus status;
        try (SphereClient client = sector().sphereClient()) {
            status = client.status(id);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(status));
        } else {
            JobReports.details(status, out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
