package io.sectorsphere.localcluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports that are free at the moment on every one of several loopback addresses. */
final class FreePorts {

    private static final int ATTEMPTS = 20;

    private FreePorts() {
    }

    static int onAll(List<String> addresses) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(addresses.getFirst()))) {
                port = probe.getLocalPort();
            }
            if (freeOnAll(addresses, port)) {
                return port;
            }
        }
        throw new IOException("no port free on all of " + addresses + " after " + ATTEMPTS + " attempts");
    }

    private static boolean freeOnAll(List<String> addresses, int port) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String address : addresses) {
                held.add(new ServerSocket(port, 1, InetAddress.getByName(address)));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }
}
