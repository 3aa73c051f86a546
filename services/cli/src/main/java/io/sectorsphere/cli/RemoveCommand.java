package io.sectorsphere.cli;

import io.sectorsphere.client.SectorClient;
import io.sectorsphere.client.SectorException;
import io.sectorsphere.client.UnavailableException;
import io.sectorsphere.common.file.DeletionReport;
import picocli.CommandLine.Command;

/** {@code sector rm}: deletes every replica of a file. */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = {"Delete a file: every replica of it.",
            "Fails if a holder could not delete its copy; running rm again retries it."})
final class RemoveCommand extends FileCommand {

    @Override
    public Integer call() {
        DeletionReport report;
        try (SectorClient client = sector.client()) {
            report = client.delete(name);
        } catch (SectorException e) {
            throw WriteHints.explain(e, sector.clientConfig().token());
        }
        // A holder that failed keeps its copy, and the ring will list the file again: that is not
        // a success, and like any node that cannot be reached it may work on a second try.
        if (!report.failed().isEmpty()) {
            throw new UnavailableException("rm " + name + ": " + report.failed().size() + " of "
                    + (report.failed().size() + report.deleted().size()) + " holders kept their copy: "
                    + String.join(", ", report.failed()), 0);
        }
        spec.commandLine().getOut().printf("removed %s%s%n", name,
                report.deleted().isEmpty() ? "" : " from " + report.deleted().size() + " holders");
        return ExitCodes.OK;
    }
}
