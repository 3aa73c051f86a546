package io.sectorsphere.cli;

import io.sectorsphere.client.ConflictException;
import io.sectorsphere.client.PutOptions;
import io.sectorsphere.client.SectorClient;
import io.sectorsphere.client.SectorException;
import io.sectorsphere.common.file.FileEntry;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sector put}: uploads a local file under a name, verified by its checksum on arrival. */
@Command(name = "put", mixinStandardHelpOptions = true,
        description = {"Upload a local file to the cluster.",
            "The node keeps it only if the bytes it received match the file's SHA-256."})
final class PutCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "LOCAL-FILE", description = "The file to upload.")
    private Path localFile;

    @Parameters(index = "1", paramLabel = "NAME", arity = "0..1",
            description = "Its name in the cluster, e.g. demo/a.dat (default: the local file's name).")
    private String name;

    @Option(names = "--overwrite", description = "Replace a file of the same name instead of failing.")
    private boolean overwrite;

    @Mixin
    private ProgressOption progressOption;

    @Override
    public Integer call() throws IOException {
        CliEnvironment environment = sector.environment();
        Path file = environment.localPath(localFile);
        requireReadableFile(file);
        String target = name != null ? name : file.getFileName().toString();
        FileEntry stored;
        try (SectorClient client = sector.client();
             TransferProgress progress = progressOption.start("put " + target, environment)) {
            stored = client.put(target, file, overwrite ? PutOptions.OVERWRITE : PutOptions.DEFAULT, progress);
        } catch (ConflictException e) {
            throw overwrite ? e : WriteHints.explainConflict(e);
        } catch (SectorException e) {
            throw WriteHints.explain(e, sector.clientConfig().token());
        }
        spec.commandLine().getOut().printf("stored %s (%s, %s)%n", stored.name(), Formats.bytes(stored.size()),
                stored.checksum());
        return ExitCodes.OK;
    }

    /** Checked here, because the client would first hash a directory or a missing file and fail obscurely. */
    private static void requireReadableFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new FileSystemException(file.toString(), null, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new FileSystemException(file.toString(), null, "permission denied");
        }
    }
}
