package io.sectorsphere.cli;

import io.sectorsphere.client.SectorException;
import io.sectorsphere.client.SphereClient;
import picocli.CommandLine.Command;

/** {@code sector job cancel}: stops a job; none of its output stays visible. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a job: its segments stop and none of its output stays; its state turns CANCELLED.")
final class JobCancelCommand extends JobIdCommand {

    @Override
    public Integer call() {
        try (SphereClient client = sector().sphereClient()) {
            client.cancel(id);
        } catch (SectorException e) {
            throw WriteHints.explain(e, sector().sphereClientConfig().token());
        }
        spec.commandLine().getOut().println("cancelling job " + id + "; 'sector job status " + id
                + "' shows when it has stopped");
        return ExitCodes.OK;
    }
}
