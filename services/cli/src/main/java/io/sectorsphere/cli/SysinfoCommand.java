package io.sectorsphere.cli;

import io.sectorsphere.client.SectorClient;
import io.sectorsphere.client.SystemInfo;
import io.sectorsphere.common.node.NodeStatus;
import java.io.PrintWriter;
import java.util.Comparator;
import picocli.CommandLine.Command;

/**
 * {@code sector sysinfo}: the storage nodes with their space and files, the totals, and the files
 * short of replicas, summed over every locator on the ring.
 */
@Command(name = "sysinfo", mixinStandardHelpOptions = true,
        description = {"Show the storage nodes, their space and files, and the under-replicated files.",
            "Space and file counts come from the nodes' heartbeats; the under-replicated count sums the "
                + "replica check of every locator on the ring."})
final class SysinfoCommand extends ClusterCommand {

    @Override
    public Integer call() {
        SystemInfo info;
        try (SectorClient client = sector.client()) {
            info = client.sysinfo();
        }
        PrintWriter out = spec.commandLine().getOut();
        TextTable nodes = new TextTable(false, false, true, true, true, true);
        nodes.row("NODE", "HTTP", "CAPACITY", "FREE", "FREE%", "FILES");
        info.nodes().stream().sorted(Comparator.comparing(NodeStatus::address)).forEach(node -> nodes.row(
                node.address(), node.httpAddress(), Formats.bytes(node.capacityBytes()),
                Formats.bytes(node.freeBytes()), Formats.percent(node.freeBytes(), node.capacityBytes()),
                String.valueOf(node.files())));
        nodes.row("total", info.nodes().size() + " nodes", Formats.bytes(info.capacityBytes()),
                Formats.bytes(info.freeBytes()), Formats.percent(info.freeBytes(), info.capacityBytes()),
                String.valueOf(info.storedFiles()));
        nodes.print(out);
        out.println();
        out.printf("files             %d (%d copies on disk)%n", info.files(), info.storedFiles());
        out.printf("under-replicated  %d (fewer than %d live replicas)%n", info.underReplicated(),
                info.minCopies());
        out.printf("locators          %d answered%n", info.locators());
        out.flush();
        if (!info.unreachableLocators().isEmpty()) {
            // The counts miss the files those locators own: worth saying, not worth failing for.
            spec.commandLine().getErr().println("sector: warning: the file counts miss what "
                    + String.join(", ", info.unreachableLocators()) + " own, which did not answer");
            spec.commandLine().getErr().flush();
        }
        return ExitCodes.OK;
    }
}
