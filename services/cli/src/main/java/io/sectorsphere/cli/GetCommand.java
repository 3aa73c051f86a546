package io.sectorsphere.cli;

import io.sectorsphere.client.AgentDownload;
import io.sectorsphere.client.ReadGrant;
import io.sectorsphere.client.SectorClient;
import io.sectorsphere.client.SectorException;
import io.sectorsphere.common.file.FileMeta;
import io.sectorsphere.transfer.choice.TransportPreference;
import io.sectorsphere.transfer.multisource.DownloadReport;
import io.sectorsphere.transfer.multisource.SourceReport;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sector get}: downloads a file to a local file, resuming a download that broke off, or
 * streams it to standard output. Either way the content is checked against the file's checksum.
 */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Download a file from the cluster.",
            "To a local file, written as LOCAL-FILE.part and renamed once complete and verified; a download "
                + "that broke off continues from where it stopped. To standard output with '-', or without "
                + "LOCAL-FILE when standard output is a pipe or a file; on a terminal, into the current "
                + "directory under the name's last segment.",
            "When several replicas exist, a download to a file fetches parts of it from every holder's transfer "
                + "agent at once, each over TCP or UDT as its path suits (--transport), and falls back to HTTP "
                + "when no agent answers."})
final class GetCommand extends FileCommand {

    /** Writes the file content to standard output. */
    private static final Path STDOUT = Path.of("-");

    @Parameters(index = "1", paramLabel = "LOCAL-FILE", arity = "0..1",
            description = "Where to save it: a file, a directory, or '-' for standard output.")
    private Path localFile;

    @Option(names = "--no-resume", description = "Start over instead of continuing a LOCAL-FILE.part.")
    private boolean noResume;

    @Option(names = "--transport", paramLabel = "auto|tcp|udt|http", defaultValue = "auto",
            description = "How to fetch: from the holders' transfer agents over TCP or UDT chosen per path by its "
                    + "round-trip time and loss (auto, with several replicas), always over one of them (tcp, udt, "
                    + "even from one replica), or from one node over HTTP (http). Default: ${DEFAULT-VALUE}.")
    private String transport;

    @Option(names = "--cc", paramLabel = "fair|dedicated|native",
            description = "UDT congestion control; default: the engine's.")
    private String congestionControl;

    @Option(names = "--rate-limit", paramLabel = "BYTES-PER-SECOND", defaultValue = "0",
            description = "At most this many bytes per second from all agents together; 0 for no limit.")
    private long rateLimit;

    @Option(names = "--window", paramLabel = "PACKETS", defaultValue = "0",
            description = "UDT flow window and buffers in packets. Default: as many as the engine's 48 MB per "
                    + "connection holds (34192, two BDPs of 1 Gb/s at 200 ms); only what is in flight is held.")
    private int windowPackets;

    @Mixin
    private ProgressOption progressOption;

    @Override
    public Integer call() throws IOException {
        CliEnvironment environment = sector.environment();
        boolean toStdout = STDOUT.equals(localFile) || localFile == null && !environment.stdoutIsTerminal();
        try (SectorClient client = sector.client();
             TransferProgress progress = progressOption.start("get " + name, environment)) {
            if (toStdout) {
                toStdout(client, environment.stdout(), progress);
            } else {
                toFile(client, target(environment), progress);
            }
        }
        return ExitCodes.OK;
    }

    /** Nothing but the content goes to standard output: the progress bar and messages use stderr. */
    private void toStdout(SectorClient client, OutputStream stdout, TransferProgress progress) throws IOException {
        // The client reports no progress of a stream, so the bytes are counted on their way out;
        // the size comes from the record first, which costs one small request.
        long size = client.stat(name).size();
        try {
            client.get(name, new Counting(stdout, size, progress));
            stdout.flush();
        } catch (IOException e) {
            throw StdoutClosedException.isBrokenPipe(e) ? new StdoutClosedException(e)
                    : new IOException("get " + name + ": cannot write to standard output: " + e.getMessage(), e);
        }
    }

    private void toFile(SectorClient client, Path target, TransferProgress progress) throws IOException {
        boolean http = "http".equalsIgnoreCase(transport.strip());
        TransportPreference preference = http ? TransportPreference.AUTO : TransportPreference.parse(transport);
        if (!http && throughAgents(client, target, progress, preference)) {
            return;
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long resumedFrom = !noResume && Files.isRegularFile(part) ? Files.size(part) : 0;
        FileMeta meta = client.get(name, target, !noResume, progress);
        progress.close(); // ends the bar's line before the summary
        PrintWriter out = spec.commandLine().getOut();
        out.printf("saved %s to %s (%s%s)%n", meta.name(), target, Formats.bytes(meta.size()),
                resumedFrom > 0 && resumedFrom <= meta.size() ? ", resumed after " + Formats.bytes(resumedFrom) : "");
    }

    /**
     * Downloads through the transfer agents when that is asked for or, on auto, when several replicas
     * exist; true if it did. On auto, a node that grants no ticket or agents that do not answer mean
     * HTTP instead; a transport asked for by name fails rather than falling back.
     */
    private boolean throughAgents(SectorClient client, Path target, TransferProgress progress,
                                  TransportPreference preference) throws IOException {
        boolean automatic = preference == TransportPreference.AUTO;
        ReadGrant grant;
        try {
            grant = client.grant(name);
        } catch (SectorException e) {
            // A node without a transfer secret (503) or of an older version (404) grants nothing;
            // on auto, HTTP then reports the file's own state.
            if (automatic) {
                return false;
            }
            throw e;
        }
        if (grant.agents().isEmpty() || automatic && grant.agents().size() < 2) {
            return false;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (AgentDownload download = new AgentDownload(
                new AgentDownload.Options(preference, congestionControl, rateLimit, windowPackets, !noResume))) {
            DownloadReport report = download.download(grant, target, progress, progress::paths);
            progress.close(); // ends the bar's line before the summary
            double seconds = report.elapsedNanos() / 1e9;
            long fetched = report.bytes() - report.resumedBytes();
            out.printf("saved %s to %s (%s from %d agents, %s/s%s)%n", grant.name(), target,
                    Formats.bytes(report.bytes()), report.sources().size(),
                    Formats.bytes((long) (fetched / Math.max(seconds, 1e-3))),
                    report.resumedBytes() > 0 ? ", resumed after " + Formats.bytes(report.resumedBytes()) : "");
            for (SourceReport source : report.sources()) {
                out.printf("  %-22s %-4s %10s%s%n", source.label(), source.transport(), Formats.bytes(source.bytes()),
                        source.failure() == null ? "" : "  failed: " + source.failure());
            }
            return true;
        } catch (IOException e) {
            if (!automatic) {
                throw e;
            }
            progress.close();
            spec.commandLine().getErr().println("sector: get " + name + " through the transfer agents failed ("
                    + e.getMessage() + "); fetching over HTTP");
            return false;
        }
    }

    /** The local file: as given, inside a directory given, or named after the last segment of the name. */
    private Path target(CliEnvironment environment) {
        String lastSegment = name.substring(name.lastIndexOf('/') + 1);
        if (localFile == null) {
            return environment.localPath(Path.of(lastSegment));
        }
        Path given = environment.localPath(localFile);
        return Files.isDirectory(given) ? given.resolve(lastSegment) : given;
    }

    /** Counts the bytes written, for the progress bar. */
    private static final class Counting extends FilterOutputStream {

        private final long total;
        private final TransferProgress progress;
        private long done;

        Counting(OutputStream out, long total, TransferProgress progress) {
            super(out);
            this.total = total;
            this.progress = progress;
            progress.progress(0, total);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            progress.progress(++done, total);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            done += length;
            progress.progress(done, total);
        }

        /** Standard output stays open for whatever the shell runs next. */
        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
