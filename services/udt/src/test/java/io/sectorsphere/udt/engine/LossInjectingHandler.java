package io.sectorsphere.udt.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only first handler of an endpoint's pipeline: drops a seeded random share of incoming
 * data packets, or every incoming datagram while {@link #blackhole} is set (a vanished peer).
 */
final class LossInjectingHandler extends ChannelInboundHandlerAdapter {

    final AtomicBoolean blackhole = new AtomicBoolean();
    final AtomicLong dropped = new AtomicLong();
    private final double dataLossRate;
    private final SplittableRandom random;

    LossInjectingHandler(double dataLossRate, long seed) {
        this.dataLossRate = dataLossRate;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DatagramPacket datagram && shouldDrop(datagram)) {
            dropped.incrementAndGet();
            datagram.release();
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private boolean shouldDrop(DatagramPacket datagram) {
        if (blackhole.get()) {
            return true;
        }
        boolean data = datagram.content().isReadable() && (datagram.content().getByte(0) & 0x80) == 0;
        return data && random.nextDouble() < dataLossRate;
    }
}
