package io.sectorsphere.udt.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of one {@code udtpeer} run:
 * {@code udtpeer <server|client> <host:port> <send|recv> [--bytes N | --seconds S] [--mss M]
 * [--data stdio|memory] [--window PKTS]}.
 *
 * @param bytes         how many bytes to move, or -1 for no bound
 * @param duration      how long to send or receive, or null for no bound
 * @param mss           UDT_MSS, or 0 for the library default
 * @param windowPackets flow window in packets (also sizes the buffers), or 0 for the library default
 */
public record UdtPeerCommand(Role role, String host, int port, Direction direction, long bytes, Duration duration,
                             int mss, DataSource data, int windowPackets) {

    public enum Role { SERVER, CLIENT }

    public enum Direction { SEND, RECV }

    /** Where sent bytes come from and received bytes go: the process's stdin/stdout, or a fixed buffer. */
    public enum DataSource { STDIO, MEMORY }

    public UdtPeerCommand {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A server on {@code host:port} (port 0: ephemeral), memory data, library defaults otherwise. */
    public static UdtPeerCommand server(String host, int port, Direction direction) {
        return new UdtPeerCommand(Role.SERVER, host, port, direction, -1, null, 0, DataSource.MEMORY, 0);
    }

    /** A client of {@code host:port}, memory data, library defaults otherwise. */
    public static UdtPeerCommand client(String host, int port, Direction direction) {
        return new UdtPeerCommand(Role.CLIENT, host, port, direction, -1, null, 0, DataSource.MEMORY, 0);
    }

    public UdtPeerCommand withBytes(long newBytes) {
        return new UdtPeerCommand(role, host, port, direction, newBytes, duration, mss, data, windowPackets);
    }

    public UdtPeerCommand withDuration(Duration newDuration) {
        return new UdtPeerCommand(role, host, port, direction, bytes, newDuration, mss, data, windowPackets);
    }

    public UdtPeerCommand withMss(int newMss) {
        return new UdtPeerCommand(role, host, port, direction, bytes, duration, newMss, data, windowPackets);
    }

    public UdtPeerCommand withData(DataSource newData) {
        return new UdtPeerCommand(role, host, port, direction, bytes, duration, mss, newData, windowPackets);
    }

    public UdtPeerCommand withWindowPackets(int newWindowPackets) {
        return new UdtPeerCommand(role, host, port, direction, bytes, duration, mss, data, newWindowPackets);
    }

    /** The arguments after the program name. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of(
                role.name().toLowerCase(Locale.ROOT), host + ":" + port, direction.name().toLowerCase(Locale.ROOT)));
        if (bytes >= 0) {
            arguments.addAll(List.of("--bytes", Long.toString(bytes)));
        }
        if (duration != null) {
            arguments.addAll(List.of("--seconds", String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9)));
        }
        if (mss > 0) {
            arguments.addAll(List.of("--mss", Integer.toString(mss)));
        }
        arguments.addAll(List.of("--data", data.name().toLowerCase(Locale.ROOT)));
        if (windowPackets > 0) {
            arguments.addAll(List.of("--window", Integer.toString(windowPackets)));
        }
        return arguments;
    }
}
