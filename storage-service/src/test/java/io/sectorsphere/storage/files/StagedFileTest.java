package io.sectorsphere.storage.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sectorsphere.storage.TestSettings;
import io.sectorsphere.storage.config.StorageProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFileTest {

    @TempDir
    Path dataDir;
    private DataDirectory directory;
    private Staging staging;
    private Capacity capacity;

    @BeforeEach
    void setUp() {
        StorageProperties defaults = TestSettings.defaults();
        StorageProperties properties = new StorageProperties(dataDir, null, null, null, defaults.rescanInterval(),
                defaults.recordTtl(), defaults.heartbeatInterval(), null, defaults.reserve(), defaults.security(),
                defaults.replication(), defaults.peers(), defaults.limits());
        directory = new DataDirectory(properties);
        staging = new Staging(directory);
        capacity = new Capacity(properties, new LocalIndex(new NameLocks(), event -> { }), directory);
    }

    @Test
    void digestAndContentEqualAOnePassSha256OfTheBytesSent() throws Exception {
        // Not a whole number of buffers.
        byte[] content = random(5 * StagedFile.BUFFER + 4321);
        try (StagedFile staged = staging.create(capacity.open())) {
            staged.copyFrom(new ByteArrayInputStream(content), content.length);
            staged.finish();
            assertThat(staged.size()).isEqualTo(content.length);
            assertThat(staged.sha256()).isEqualTo(sha256(content));
            assertThat(Files.readAllBytes(staged.path())).isEqualTo(content);
        }
    }

    @Test
    void piecesCopiedOneAfterAnotherHashAsOneFile() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (StagedFile staged = staging.create(capacity.open())) {
            for (int i = 0; i < 8; i++) {
                byte[] piece = random(1000 + i);
                all.write(piece);
                staged.copyFrom(new ByteArrayInputStream(piece), -1);
            }
            staged.finish();
            assertThat(staged.sha256()).isEqualTo(sha256(all.toByteArray()));
        }
    }

    @Test
    void contentThatBreaksOffMidwayLeavesNothingStaged() {
        byte[] content = random(3 * StagedFile.BUFFER);
        InputStream breaking = new InputStream() {
            private final InputStream bytes = new ByteArrayInputStream(content);

            @Override
            public int read() throws IOException {
                int b = bytes.read();
                if (b < 0) {
                    throw new IOException("connection reset");
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = bytes.read(buffer, offset, length);
                if (n < 0) {
                    throw new IOException("connection reset");
                }
                return n;
            }
        };
        Path path;
        try (StagedFile staged = staging.create(capacity.open())) {
            path = staged.path();
            assertThatThrownBy(() -> staged.copyFrom(breaking, 10L * StagedFile.BUFFER))
                    .isInstanceOf(IncompleteContentException.class).hasMessageContaining("connection reset");
        }
        assertThat(path).doesNotExist();
        assertThat(directory.staging()).isEmptyDirectory();
        assertThat(staging.activeCount()).isZero();
    }

    @Test
    void moreBytesThanDeclaredAreRefused() {
        byte[] content = random(StagedFile.BUFFER + 10);
        try (StagedFile staged = staging.create(capacity.open())) {
            assertThatThrownBy(() -> staged.copyFrom(new ByteArrayInputStream(content), StagedFile.BUFFER))
                    .isInstanceOf(IncompleteContentException.class).hasMessageContaining("more than");
        }
        assertThat(directory.staging()).isEmptyDirectory();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SplittableRandom(length).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
