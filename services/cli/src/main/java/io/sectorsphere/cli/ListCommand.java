package io.sectorsphere.cli;

import io.sectorsphere.client.SectorClient;
import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.file.FileListing;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code sector ls}: the cluster's files in name order, one name a line so that scripts can read
 * them, or with size and time. Notes about the listing go to stderr, never among the names.
 */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = {"List the files of the whole cluster in name order.",
            "Without --all, one page: the node's page size, or --limit names."})
final class ListCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "PREFIX", arity = "0..1",
            description = "Only names that start with this, e.g. demo/.")
    private String prefix;

    @Option(names = "--limit", paramLabel = "N",
            description = "At most N names (with --all: N names per request).")
    private Integer limit;

    @Option(names = {"-a", "--all"}, description = "Every matching name, page after page.")
    private boolean all;

    @Option(names = "-l", description = "Long format: size in bytes, modification time (UTC), name.")
    private boolean longFormat;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        Set<String> unreachable = new LinkedHashSet<>();
        String after = null;
        try (SectorClient client = sector.client()) {
            do {
                FileListing page = client.list(prefix, limit == null ? 0 : limit, after);
                page.files().forEach(file -> out.println(longFormat ? longLine(file) : file.name()));
                out.flush();
                unreachable.addAll(page.unreachable());
                after = page.next();
            } while (all && after != null);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!unreachable.isEmpty()) {
            err.println("sector: warning: the listing may miss files on " + String.join(", ", unreachable)
                    + ", which did not answer");
        }
        if (after != null) {
            err.println("sector: more files after " + after + " (use --all to list every one)");
        }
        err.flush();
        return ExitCodes.OK;
    }

    /** Fixed-width size and time, so the columns line up across pages without buffering them. */
    private static String longLine(FileEntry file) {
        return String.format(Locale.ROOT, "%15d  %-20s  %s", file.size(), Formats.time(file.mtime()), file.name());
    }
}
