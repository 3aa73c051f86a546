package io.sectorsphere.cli;

import io.sectorsphere.client.SectorClient;
import io.sectorsphere.common.location.FileLocation;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code sector locate}: the location record straight from the ring, with the locator that owns it
 * and how many ring nodes the lookup took: what {@code stat} shows, seen from the locator's side.
 */
@Command(name = "locate", mixinStandardHelpOptions = true,
        description = {"Ask the ring where a file is, which locator owns it, in how many hops.",
            "The record comes from the locator directly, not through a storage node as with stat."})
final class LocateCommand extends FileCommand {

    @Override
    public Integer call() {
        FileLocation location;
        try (SectorClient client = sector.client()) {
            location = client.locate(name);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("name      " + location.name());
        out.println("size      " + location.size() + " (" + Formats.bytes(location.size()) + ")");
        out.println("mtime     " + Formats.time(location.mtime()));
        out.println("checksum  " + location.checksum());
        out.println("owner     " + location.owner());
        out.println("hops      " + location.hops());
        Replicas.print(out, location.replicas());
        out.flush();
        return ExitCodes.OK;
    }
}
