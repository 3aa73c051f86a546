package io.sectorsphere.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackgroundSha256Test {

    private static final int BUFFER = 64 * 1024;

    @Test
    void digestEqualsOnePassSha256OfEveryPieceInOrder() throws Exception {
        byte[] content = new byte[5 * BUFFER + 12_345];
        new SplittableRandom(1).nextBytes(content);
        SplittableRandom sizes = new SplittableRandom(2);
        byte[] digest;
        try (BackgroundSha256 hash = new BackgroundSha256(BUFFER, 3, "test-hash")) {
            int offset = 0;
            while (offset < content.length) {
                // Pieces of every size, empty ones included, as reads return them.
                int length = Math.min(sizes.nextInt(BUFFER + 1), content.length - offset);
                byte[] buffer = hash.buffer();
                System.arraycopy(content, offset, buffer, 0, length);
                hash.hash(buffer, length);
                offset += length;
            }
            digest = hash.digest();
        }
        assertThat(digest).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void digestOfNothingIsTheEmptySha256() throws Exception {
        try (BackgroundSha256 hash = new BackgroundSha256(BUFFER, 2, "test-hash")) {
            assertThat(hash.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest());
        }
    }

    @Test
    void handsOutNoMoreBuffersThanAllowedAndReusesHashedOnes() throws Exception {
        try (BackgroundSha256 hash = new BackgroundSha256(BUFFER, 2, "test-hash")) {
            List<byte[]> seen = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                byte[] buffer = hash.buffer();
                if (seen.stream().noneMatch(known -> known == buffer)) {
                    seen.add(buffer);
                }
                hash.hash(buffer, BUFFER);
            }
            assertThat(seen).hasSize(2);
        }
    }

    @Test
    void closingStopsTheThreadAndRefusesMore() throws Exception {
        BackgroundSha256 hash = new BackgroundSha256(BUFFER, 2, "test-hash-closed");
        hash.hash(hash.buffer(), BUFFER);
        hash.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("test-hash-closed"));
        assertThatIllegalStateException().isThrownBy(hash::buffer);
        assertThatIllegalStateException().isThrownBy(hash::digest);
    }

    @Test
    void aDigestIsTakenOnce() throws Exception {
        try (BackgroundSha256 hash = new BackgroundSha256(BUFFER, 2, "test-hash")) {
            hash.digest();
            assertThatIllegalStateException().isThrownBy(hash::digest);
        }
    }
}
