package io.sectorsphere.udt.engine;

import io.netty.channel.AddressedEnvelope;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.sectorsphere.udt.packet.UdtPacket;
import java.net.InetSocketAddress;

/** The last inbound handler: hands decoded packets to the endpoint; nothing thrown gets past it. */
final class EndpointHandler extends ChannelInboundHandlerAdapter {

    private final NettyUdtEndpoint endpoint;

    EndpointHandler(NettyUdtEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof AddressedEnvelope<?, ?> envelope && envelope.content() instanceof UdtPacket packet
                && envelope.sender() instanceof InetSocketAddress sender)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            // Ownership of a data payload passes to the endpoint and the connection.
            endpoint.dispatch(packet, sender);
        } catch (RuntimeException e) {
            endpoint.onHandlerFailure(e);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        try {
            endpoint.onReadComplete();
        } catch (RuntimeException e) {
            endpoint.onHandlerFailure(e);
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            try {
                endpoint.onWritable();
            } catch (RuntimeException e) {
                endpoint.onHandlerFailure(e);
            }
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A socket error (say, ICMP port unreachable on a connected peer): counted, never fatal to the endpoint.
        endpoint.onHandlerFailure(cause);
    }
}
