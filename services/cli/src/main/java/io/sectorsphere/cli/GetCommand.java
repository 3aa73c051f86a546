package io.sectorsphere.cli;

import io.sectorsphere.client.SectorClient;
import io.sectorsphere.common.file.FileMeta;
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
                + "directory under the name's last segment."})
final class GetCommand extends FileCommand {

    /** Writes the file content to standard output. */
    private static final Path STDOUT = Path.of("-");

    @Parameters(index = "1", paramLabel = "LOCAL-FILE", arity = "0..1",
            description = "Where to save it: a file, a directory, or '-' for standard output.")
    private Path localFile;

    @Option(names = "--no-resume", description = "Start over instead of continuing a LOCAL-FILE.part.")
    private boolean noResume;

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
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long resumedFrom = !noResume && Files.isRegularFile(part) ? Files.size(part) : 0;
        FileMeta meta = client.get(name, target, !noResume, progress);
        progress.close(); // ends the bar's line before the summary
        PrintWriter out = spec.commandLine().getOut();
        out.printf("saved %s to %s (%s%s)%n", meta.name(), target, Formats.bytes(meta.size()),
                resumedFrom > 0 && resumedFrom <= meta.size() ? ", resumed after " + Formats.bytes(resumedFrom) : "");
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
