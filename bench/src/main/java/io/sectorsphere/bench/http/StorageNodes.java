package io.sectorsphere.bench.http;

import io.sectorsphere.bench.process.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A storage node in its own JVM, publishing to a locator in the benchmark's JVM. */
final class StorageNodes {

    private StorageNodes() {
    }

    /**
     * @param dataDir     its data directory, which may already hold files
     * @param tokenSha256 hex SHA-256 of the one account's write token
     * @param settings    further {@code --name=value} settings
     */
    static ServiceProcess start(Path directory, Path dataDir, String locatorUrl, String tokenSha256, Path jfr,
                                boolean memoryDiagnostics, List<String> settings) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        }
        List<String> args = new ArrayList<>(List.of(
                "--sector.storage.data-dir=" + dataDir,
                "--sector.storage.advertised-host=127.0.0.1",
                "--sector.storage.locator-url=" + locatorUrl,
                "--sector.storage.security.accounts[0].name=bench",
                "--sector.storage.security.accounts[0].token-sha256=" + tokenSha256));
        args.addAll(settings);
        return ServiceProcess.start("storage", directory, "io.sectorsphere.storage.StorageApplication", List.of(), args,
                jfr, memoryDiagnostics);
    }
}
