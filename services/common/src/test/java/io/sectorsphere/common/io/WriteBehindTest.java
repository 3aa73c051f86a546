package io.sectorsphere.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WriteBehindTest {

    @Test
    void flushesDataBehindTheWriterAndEverythingAtTheEnd() throws IOException {
        ForceRecorder channel = new ForceRecorder(false);
        try (WriteBehind behind = new WriteBehind(channel, 100)) {
            behind.written(60);
            assertThat(channel.forces).isEmpty();
            behind.written(60);
            behind.finish();
        }
        // One data-only flush once a piece was written (finish waits for it), then the full force.
        assertThat(channel.forces).containsExactly(false, true);
    }

    @Test
    void aFileSmallerThanAPieceIsForcedOnceAtTheEnd() throws IOException {
        ForceRecorder channel = new ForceRecorder(false);
        try (WriteBehind behind = new WriteBehind(channel, 100)) {
            behind.written(99);
            behind.finish();
        }
        assertThat(channel.forces).containsExactly(true);
    }

    @Test
    void aFailedBackgroundFlushFailsTheWrite() throws IOException {
        ForceRecorder channel = new ForceRecorder(true);
        try (WriteBehind behind = new WriteBehind(channel, 10)) {
            behind.written(10);
            assertThatIOException().isThrownBy(behind::finish).withMessageContaining("No space left");
        }
        assertThat(channel.forces).containsExactly(false);
    }

    /** A channel that records each force and can fail the data-only ones; nothing else is used. */
    private static final class ForceRecorder extends FileChannel {

        final List<Boolean> forces = new CopyOnWriteArrayList<>();
        private final boolean failDataForces;

        ForceRecorder(boolean failDataForces) {
            this.failDataForces = failDataForces;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            forces.add(metaData);
            if (failDataForces && !metaData) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int read(ByteBuffer dst) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileChannel position(long newPosition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long size() {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() {
        }
    }
}
