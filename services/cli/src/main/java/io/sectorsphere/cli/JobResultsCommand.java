package io.sectorsphere.cli;

import io.sectorsphere.client.SphereClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sector job results}: the records a finished job returned to its caller, in segment order,
 * to standard output or to a local file that appears only once they are all there.
 */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Write the records a job returned to its caller (output caller), in segment order.",
            "To standard output, or to LOCAL-FILE, written as LOCAL-FILE.part and renamed once complete."})
final class JobResultsCommand extends JobIdCommand {

    private static final Path STDOUT = Path.of("-");

    @Parameters(index = "1", paramLabel = "LOCAL-FILE", arity = "0..1",
            description = "Where to save them; '-' or nothing for standard output.")
    private Path localFile;

    @Override
    public Integer call() throws IOException {
        CliEnvironment environment = sector().environment();
        try (SphereClient client = sector().sphereClient()) {
            if (localFile == null || STDOUT.equals(localFile)) {
                toStdout(client, environment.stdout());
            } else {
                toFile(client, environment.localPath(localFile));
            }
        }
        return ExitCodes.OK;
    }

    private void toStdout(SphereClient client, OutputStream stdout) throws IOException {
        try {
            client.results(id, stdout);
            stdout.flush();
        } catch (IOException e) {
            throw StdoutClosedException.isBrokenPipe(e) ? new StdoutClosedException(e)
                    : new IOException("results of job " + id + ": cannot write to standard output: "
                            + e.getMessage(), e);
        }
    }

    private void toFile(SphereClient client, Path target) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long bytes;
        try (OutputStream out = Files.newOutputStream(part)) {
            bytes = client.results(id, out);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().printf("saved the results of job %s to %s (%s)%n", id, target,
                Formats.bytes(bytes));
    }
}
