package io.sectorsphere.udt.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The C++ peer built against the UDT 4.11 reference library (Debian's libudt-dev): the yardstick our
 * engine is tested and benchmarked against. See {@code udtpeer.cpp} for its command line.
 */
public final class LibudtPeer {

    private static final String SOURCE = "udtpeer.cpp";
    private static final Path HEADER = Path.of("/usr/include/udt/udt.h");
    private static final List<Path> LIBRARIES = List.of(
            Path.of("/usr/lib/libudt.so"), Path.of("/usr/lib/x86_64-linux-gnu/libudt.so"), Path.of("/usr/lib64/libudt.so"));

    private LibudtPeer() {
    }

    /** True when the peer can be built here: g++, the UDT header and the library are installed. */
    public static boolean available() {
        return NativeBuild.onPath("g++") && Files.isRegularFile(HEADER) && LIBRARIES.stream().anyMatch(Files::exists);
    }

    /** The compiled peer, built on first use and cached by source content. */
    public static Path binary() throws IOException, InterruptedException {
        return NativeBuild.executable(LibudtPeer.class, SOURCE, "sector-udtpeer", "g++", List.of("-ludt", "-lpthread"));
    }

    /** Starts the peer directly. */
    public static PeerProcess start(UdtPeerCommand command) throws IOException, InterruptedException {
        return start(List.of(), command);
    }

    /**
     * Starts the peer behind {@code prefix}, e.g. {@code ip netns exec <namespace>}; stdout is kept
     * only when the command moves its data through stdio.
     */
    public static PeerProcess start(List<String> prefix, UdtPeerCommand command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(prefix);
        line.add(binary().toString());
        line.addAll(command.arguments());
        return PeerProcess.start("udtpeer", line, command.data() == UdtPeerCommand.DataSource.STDIO);
    }
}
