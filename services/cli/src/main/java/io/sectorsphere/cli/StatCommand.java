package io.sectorsphere.cli;

import io.sectorsphere.client.SectorClient;
import io.sectorsphere.common.file.FileMeta;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code sector stat}: a file's metadata and every replica the ring knows of, as a storage node reports them. */
@Command(name = "stat", mixinStandardHelpOptions = true,
        description = {"Show a file's size, time, checksum and replicas.",
            "Every replica is listed with its holder's HTTP and UDT addresses and when its record lapses."})
final class StatCommand extends FileCommand {

    @Override
    public Integer call() {
        FileMeta meta;
        try (SectorClient client = sector.client()) {
            meta = client.stat(name);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("name      " + meta.name());
        out.println("size      " + meta.size() + " (" + Formats.bytes(meta.size()) + ")");
        out.println("mtime     " + Formats.time(meta.mtime()));
        out.println("checksum  " + meta.checksum());
        // Null when the answering node holds no copy and so cannot tell.
        out.println("indexed   " + (meta.indexed() == null ? "unknown" : meta.indexed() ? "yes" : "no"));
        Replicas.print(out, meta.replicas());
        out.flush();
        return ExitCodes.OK;
    }
}
