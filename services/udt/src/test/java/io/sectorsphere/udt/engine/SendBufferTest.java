package io.sectorsphere.udt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.sectorsphere.udt.UdtException;
import io.sectorsphere.udt.packet.UdtPacket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SendBufferTest {

    private static final int PAYLOAD = 8;

    private final SendBuffer buffer = new SendBuffer(100);

    SendBufferTest() {
        buffer.open(PAYLOAD);
    }

    @Test
    void writtenBytesFillWholePacketsBehindRoomForTheirHeader() throws Exception {
        buffer.write(bytes("aaaaaaaabbbbbbbbcc"), 0, 18);

        assertThat(buffer.size()).as("the partly filled packet waits for more").isEqualTo(2);
        assertThat(payload(0)).isEqualTo("aaaaaaaa");
        assertThat(payload(1)).isEqualTo("bbbbbbbb");
        assertThat(buffer.payloadLength(2)).isEqualTo(-1);

        assertThat(buffer.publishPartial()).isTrue();
        assertThat(payload(2)).isEqualTo("cc");
        assertThat(buffer.publishPartial()).isFalse();
    }

    @Test
    void consecutivePacketsLieBackToBackSoARunCanLeaveAsOneSend() throws Exception {
        buffer.write(bytes("a".repeat(3 * PAYLOAD)), 0, 3 * PAYLOAD);

        int first = buffer.slot(0);
        for (int offset = 1; offset < 3; offset++) {
            assertThat(buffer.segmentBuffer(buffer.slot(offset))).isSameAs(buffer.segmentBuffer(first));
            assertThat(buffer.indexOf(buffer.slot(offset)))
                    .isEqualTo(buffer.indexOf(first) + offset * (UdtPacket.HEADER_SIZE + PAYLOAD));
        }
    }

    @Test
    void aWriterWaitsWhileTheBufferIsFullUntilTheLoopAcknowledges() throws Exception {
        byte[] full = bytes("x".repeat(100 * PAYLOAD));
        buffer.write(full, 0, full.length);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                buffer.write(bytes("yyyyyyyy"), 0, PAYLOAD);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(writer).isNotDone();

        buffer.acknowledge(1);

        writer.get(5, TimeUnit.SECONDS);
        assertThat(buffer.size()).isEqualTo(100);
        assertThat(payload(99)).isEqualTo("yyyyyyyy");
    }

    @Test
    void aWriterStaysTheWindowAndAMarginAheadOfTheAcknowledgedDataNotTheWholeCapacity() throws Exception {
        SendBuffer large = new SendBuffer(20_000);
        large.open(PAYLOAD);
        large.limitToWindow(1_000);
        byte[] allowed = bytes("x".repeat((1_000 + SendBuffer.AHEAD_OF_WINDOW) * PAYLOAD));
        large.write(allowed, 0, allowed.length);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                large.write(bytes("yyyyyyyy"), 0, PAYLOAD);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(writer).isNotDone();

        // The window grew: the writer may go on although nothing more was acknowledged.
        large.limitToWindow(2_000);
        large.acknowledge(0);

        writer.get(5, TimeUnit.SECONDS);
        assertThat(large.size()).isEqualTo(1_000 + SendBuffer.AHEAD_OF_WINDOW + 1);
    }

    @Test
    void memoryFollowsWhatIsHeldNotTheCapacity() throws Exception {
        SendBuffer large = new SendBuffer(20_000);
        large.open(PAYLOAD);
        byte[] segment = bytes("z".repeat(SlotMemory.SEGMENT_SLOTS * PAYLOAD));

        // Ten times around the ring, never more than one segment unacknowledged.
        for (int i = 0; i < 10 * SlotMemory.ringSlotsFor(20_000) / SlotMemory.SEGMENT_SLOTS; i++) {
            large.write(segment, 0, segment.length);
            large.acknowledge(SlotMemory.SEGMENT_SLOTS);
        }

        assertThat(large.allocatedBytes()).isLessThanOrEqualTo(2L * SlotMemory.SEGMENT_SLOTS * (UdtPacket.HEADER_SIZE + PAYLOAD));
    }

    @Test
    void aFailureWakesAndFailsWaitingWritersAndFlushes() throws Exception {
        byte[] full = bytes("x".repeat(100 * PAYLOAD));
        buffer.write(full, 0, full.length);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                buffer.write(bytes("y"), 0, 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);

        buffer.fail(new UdtException("broken"));

        assertThatThrownBy(() -> writer.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("broken");
        assertThatThrownBy(() -> buffer.awaitEmpty(TimeUnit.SECONDS.toNanos(1))).isInstanceOf(UdtException.class);
    }

    @Test
    void awaitEmptyReturnsOnceEverythingIsAcknowledged() throws Exception {
        buffer.write(bytes("a".repeat(2 * PAYLOAD)), 0, 2 * PAYLOAD);
        assertThat(buffer.awaitEmpty(TimeUnit.MILLISECONDS.toNanos(20))).isFalse();

        buffer.acknowledge(2);

        assertThat(buffer.awaitEmpty(TimeUnit.MILLISECONDS.toNanos(20))).isTrue();
    }

    @Test
    void copiesFromAByteBufferAsOneStreamWithWrittenBytes() throws Exception {
        buffer.write(bytes("01"), 0, 2);
        ByteBuffer source = ByteBuffer.wrap(bytes("xx23456789abcdefghij")).position(2);
        buffer.write(source);
        buffer.publishPartial();

        assertThat(source.hasRemaining()).isFalse();
        assertThat(payload(0)).isEqualTo("01234567");
        assertThat(payload(1)).isEqualTo("89abcdef");
        assertThat(payload(2)).isEqualTo("ghij");
    }

    private String payload(int offset) {
        int slot = buffer.slot(offset);
        ByteBuf segment = buffer.segmentBuffer(slot);
        return segment.toString(buffer.indexOf(slot) + UdtPacket.HEADER_SIZE, buffer.payloadLength(offset),
                StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
