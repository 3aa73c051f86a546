package io.sectorsphere.udt.packet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated datagrams through the decoder, bounded in count and time: nothing may be
 * thrown into the pipeline and every buffer must be released. The seed is printed so that a
 * failure can be replayed with {@code -Dudt.fuzz.seed=...}.
 */
class PacketDecoderFuzzTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.2", 9000);
    private static final InetSocketAddress SELF = new InetSocketAddress("127.0.0.1", 9001);
    private static final int MAX_ITERATIONS = 300_000;
    private static final long MAX_NANOS = 3_000_000_000L;

    @Test
    void randomAndMutatedDatagramsNeverThrowNorLeak() {
        long seed = Long.getLong("udt.fuzz.seed", System.nanoTime());
        System.out.println("PacketDecoderFuzzTest seed=" + seed);
        SplittableRandom random = new SplittableRandom(seed);
        AtomicLong malformed = new AtomicLong();
        EmbeddedChannel channel = new EmbeddedChannel(new UdtPacketDecoder(malformed::incrementAndGet));
        ByteBuf[] seeds = validPackets();
        long decoded = 0;
        long deadline = System.nanoTime() + MAX_NANOS;
        int iterations = 0;
        for (; iterations < MAX_ITERATIONS && System.nanoTime() < deadline; iterations++) {
            ByteBuf input = random.nextInt(4) == 0 ? randomBytes(random) : mutate(seeds[random.nextInt(seeds.length)], random);
            channel.writeInbound(new DatagramPacket(input, SELF, PEER));
            assertThat(input.refCnt()).as("seed %d iteration %d", seed, iterations).isLessThanOrEqualTo(1);
            Object out;
            while ((out = channel.readInbound()) != null) {
                decoded++;
                ReferenceCountUtil.release(out);
            }
            assertThat(input.refCnt()).as("seed %d iteration %d", seed, iterations).isZero();
        }
        channel.checkException();
        assertThat(channel.finish()).isFalse();
        assertThat(decoded + malformed.get()).isEqualTo(iterations);
        for (ByteBuf valid : seeds) {
            valid.release();
        }
    }

    private static ByteBuf[] validPackets() {
        int[] address = {0x0100007F, 0, 0, 0};
        UdtPacket[] packets = {
            new HandshakePacket(1, 0, 4, 1, 99, 1500, 8192, 1, 7, 0, address),
            new AckPacket(1, 7, 3, 100, 200, 50, 8000, 5000, 90000, AckPacket.FULL),
            AckPacket.light(1, 7, 100),
            new NakPacket(1, 7, new int[] {5 | NakPacket.RANGE_START, 9, 12}),
            new Ack2Packet(1, 7, 3),
            new SignalPacket(ControlType.SHUTDOWN, 1, 7, 0),
            new MessageDropPacket(1, 7, 3, 4, 5),
            new DataPacket(100, DataPacket.SOLO | 1, 1, 7, Unpooled.wrappedBuffer(new byte[64])),
        };
        ByteBuf[] encoded = new ByteBuf[packets.length];
        for (int i = 0; i < packets.length; i++) {
            encoded[i] = UdtPacketEncoder.encode(Unpooled.buffer().alloc(), packets[i]);
            ReferenceCountUtil.release(packets[i]);
        }
        return encoded;
    }

    private static ByteBuf randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(0, 200)];
        random.nextBytes(bytes);
        // Not wrappedBuffer: an empty one would be the shared, never-released empty buffer.
        return Unpooled.buffer(bytes.length + 1).writeBytes(bytes);
    }

    private static ByteBuf mutate(ByteBuf valid, SplittableRandom random) {
        ByteBuf copy = Unpooled.buffer(valid.readableBytes() + 16);
        copy.writeBytes(valid, valid.readerIndex(), valid.readableBytes());
        switch (random.nextInt(4)) {
            case 0 -> copy.writerIndex(random.nextInt(copy.writerIndex() + 1));
            case 1 -> {
                for (int flips = random.nextInt(1, 6); flips > 0 && copy.isReadable(); flips--) {
                    int at = random.nextInt(copy.writerIndex());
                    copy.setByte(at, copy.getByte(at) ^ (1 << random.nextInt(8)));
                }
            }
            case 2 -> copy.writeInt(random.nextInt());
            default -> {
                if (copy.writerIndex() >= 4) {
                    copy.setInt(random.nextInt(copy.writerIndex() / 4) * 4, random.nextInt());
                }
            }
        }
        return copy;
    }
}
