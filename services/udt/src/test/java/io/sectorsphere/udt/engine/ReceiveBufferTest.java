package io.sectorsphere.udt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sectorsphere.udt.UdtException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiveBufferTest {

    private static final int PAYLOAD = 8;

    private final AtomicInteger spaceFreed = new AtomicInteger();
    private final ReceiveBuffer buffer = new ReceiveBuffer(100, spaceFreed::incrementAndGet);

    ReceiveBufferTest() {
        buffer.open(PAYLOAD);
    }

    @Test
    void outOfOrderPacketsBecomeReadableOnlyOnceTheGapIsFilled() throws Exception {
        buffer.store(1, payload('b', PAYLOAD));
        buffer.store(2, payload('c', 3));
        assertThat(buffer.deliver()).isZero();
        assertThat(buffer.size()).isZero();

        buffer.store(0, payload('a', PAYLOAD));
        assertThat(buffer.deliver()).isEqualTo(3);

        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.available()).isEqualTo(2 * PAYLOAD + 3);
        assertThat(readAll(2 * PAYLOAD + 3)).isEqualTo("aaaaaaaabbbbbbbbccc");
        assertThat(buffer.size()).isZero();
    }

    @Test
    void aReadMayEndInsideAPacketAndTheNextOneGoesOnFromThere() throws Exception {
        buffer.store(0, payload('a', PAYLOAD));
        buffer.store(1, payload('b', PAYLOAD));
        buffer.deliver();

        assertThat(readAll(5)).isEqualTo("aaaaa");
        assertThat(buffer.size()).as("the partly read packet still holds its slot").isEqualTo(2);
        assertThat(readAll(11)).isEqualTo("aaabbbbbbbb");
    }

    @Test
    void slotsAreReusedAroundTheRing() throws Exception {
        StringBuilder expected = new StringBuilder();
        StringBuilder read = new StringBuilder();
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 90; i++) {
                char c = (char) ('a' + (round * 90 + i) % 26);
                buffer.store(i, payload(c, PAYLOAD));
                expected.append(String.valueOf(c).repeat(PAYLOAD));
            }
            assertThat(buffer.deliver()).isEqualTo(90);
            read.append(readAll(90 * PAYLOAD));
        }
        assertThat(read.toString()).isEqualTo(expected.toString());
    }

    @Test
    void memoryFollowsWhatIsUnreadNotTheCapacity() throws Exception {
        ReceiveBuffer large = new ReceiveBuffer(20_000, () -> { });
        large.open(PAYLOAD);
        byte[] target = new byte[SlotMemory.SEGMENT_SLOTS * PAYLOAD];

        // Ten times around the ring, never more than one segment unread.
        for (int i = 0; i < 10 * SlotMemory.ringSlotsFor(20_000) / SlotMemory.SEGMENT_SLOTS; i++) {
            for (int packet = 0; packet < SlotMemory.SEGMENT_SLOTS; packet++) {
                large.store(packet, payload('r', PAYLOAD));
            }
            large.deliver();
            int read = 0;
            while (read < target.length) {
                read += large.read(target, read, target.length - read);
            }
        }

        assertThat(large.allocatedBytes()).isLessThanOrEqualTo(2L * SlotMemory.SEGMENT_SLOTS * PAYLOAD);
        assertThat(new String(target, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("r".repeat(target.length));
    }

    @Test
    void writesReadableBytesToAFile(@TempDir Path dir) throws Exception {
        buffer.store(0, payload('x', PAYLOAD));
        buffer.store(1, payload('y', 4));
        buffer.deliver();
        Path file = dir.resolve("out");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            assertThat(buffer.write(channel, 3, 100)).isEqualTo(PAYLOAD + 4);
        }
        assertThat(Files.readString(file)).isEqualTo("\0\0\0xxxxxxxxyyyy");
    }

    @Test
    void aWaitingReaderIsWokenByTheEndOfAWriteAtOnce() throws Exception {
        CompletableFuture<String> reader = waitingReader(3);

        buffer.store(0, payload('z', 3));
        buffer.deliver();
        buffer.publish();

        assertThat(reader.get(5, TimeUnit.SECONDS)).isEqualTo("zzz");
    }

    @Test
    void fullPacketsWakeAWaitingReaderOnceEnoughArrivedOrAtTheNextTick() throws Exception {
        CompletableFuture<String> reader = waitingReader(PAYLOAD);
        buffer.store(0, payload('a', PAYLOAD));
        buffer.deliver();
        buffer.publish();
        Thread.sleep(50);
        assertThat(reader).as("one full packet: the reader sleeps on").isNotDone();

        buffer.publishAll();
        assertThat(reader.get(5, TimeUnit.SECONDS)).isEqualTo("aaaaaaaa");

        CompletableFuture<String> next = waitingReader(PAYLOAD);
        for (int i = 0; i < ReceiveBuffer.WAKE_PACKETS; i++) {
            buffer.store(i, payload('b', PAYLOAD));
        }
        buffer.deliver();
        buffer.publish();
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("bbbbbbbb");
    }

    /** A reader on a thread of its own, already waiting for {@code length} bytes. */
    private CompletableFuture<String> waitingReader(int length) throws InterruptedException {
        CompletableFuture<String> reader = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                reader.complete(readAll(length));
            } catch (Exception e) {
                reader.completeExceptionally(e);
            }
        });
        Thread.sleep(50);
        assertThat(reader).isNotDone();
        return reader;
    }

    @Test
    void afterThePeerFinishedReadersGetWhatIsLeftThenTheEnd() throws Exception {
        buffer.store(0, payload('a', 2));
        buffer.deliver();
        buffer.finish();

        byte[] target = new byte[10];
        assertThat(buffer.read(target, 0, 10)).isEqualTo(2);
        assertThat(buffer.read(target, 0, 10)).isEqualTo(-1);
    }

    @Test
    void aBrokenConnectionFailsReadersOnceTheyReadWhatArrived() throws Exception {
        buffer.store(0, payload('a', 2));
        buffer.deliver();
        buffer.fail(new UdtException("broken"));

        byte[] target = new byte[10];
        assertThat(buffer.read(target, 0, 10)).isEqualTo(2);
        assertThatThrownBy(() -> buffer.read(target, 0, 10)).isInstanceOf(UdtException.class).hasMessage("broken");
    }

    @Test
    void closingThisSideDropsUnreadData() {
        buffer.store(0, payload('a', 2));
        buffer.deliver();
        buffer.discard();

        assertThatThrownBy(() -> buffer.read(new byte[10], 0, 10)).isInstanceOf(UdtException.class);
    }

    @Test
    void theReaderReopensTheWindowOnceANearlyFullBufferIsDownToHalf() throws Exception {
        for (int i = 0; i < 90; i++) {
            buffer.store(i, payload('a', PAYLOAD));
        }
        buffer.deliver();
        assertThat(buffer.isNearlyFull(buffer.size())).isTrue();
        buffer.markNearlyFull();

        readAll(30 * PAYLOAD);
        assertThat(spaceFreed).hasValue(0);
        readAll(10 * PAYLOAD);
        assertThat(spaceFreed).hasValue(1);
        readAll(10 * PAYLOAD);
        assertThat(spaceFreed).as("once per episode").hasValue(1);
    }

    private String readAll(int length) throws Exception {
        byte[] target = new byte[length];
        int done = 0;
        while (done < length) {
            done += buffer.read(target, done, length - done);
        }
        return new String(target, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static ByteBuf payload(char c, int length) {
        ByteBuffer bytes = ByteBuffer.wrap(String.valueOf(c).repeat(length).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        // A slice at a non-zero index, as payloads arrive inside a received datagram.
        ByteBuf datagram = Unpooled.buffer(length + 16).writeZero(16).writeBytes(bytes);
        return datagram.slice(16, length);
    }
}
