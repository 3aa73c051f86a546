package io.sectorsphere.udt.engine;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.SegmentedDatagramPacket;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Native epoll where the platform has it, Java NIO elsewhere. */
enum Transport {
    EPOLL,
    NIO;

    static Transport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /** One event loop thread: every connection of an endpoint lives on it. */
    EventLoopGroup newEventLoopGroup(String name) {
        DefaultThreadFactory threads = new DefaultThreadFactory(name, true);
        return new MultiThreadIoEventLoopGroup(1, threads,
                this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /** UDP segmentation offload where the kernel has it, else {@code null}: one datagram per packet. */
    DataBurst.SegmentedDatagrams segmentedDatagrams() {
        return this == EPOLL && SegmentedDatagramPacket.isSupported()
                ? SegmentedDatagramPacket::new : null;
    }

    Class<? extends DatagramChannel> channelClass() {
        return this == EPOLL ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }
}
