package io.sectorsphere.localcluster;

import io.sectorsphere.common.ring.RingStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the tests with real node processes share besides the processes themselves. */
final class ProcessTests {

    private ProcessTests() {
    }

    /** A test scenario, which may throw what its test method declares. */
    interface Scenario<X extends Exception> {
        void run() throws X;
    }

    /**
     * Runs {@code scenario}; when it fails, prints {@code dump} and the end of every process's log
     * first, since the processes and their logs are gone once the test has cleaned up.
     */
    static <X extends Exception> void runReporting(Scenario<X> scenario, List<? extends JvmProcess> processes,
                                                   Supplier<String> dump) throws X {
        try {
            scenario.run();
        } catch (RuntimeException | Error e) {
            System.err.println(dump.get());
            processes.forEach(node -> System.err.println("==== log of " + node + "\n" + node.logTail(150)));
            throw e;
        }
    }

    /**
     * Every process and what {@code live} appends about it while it runs; a node that does not
     * answer is said to.
     */
    static <N extends JvmProcess> String dump(List<N> processes, BiConsumer<N, StringBuilder> live) {
        StringBuilder out = new StringBuilder("processes:");
        for (N node : processes) {
            out.append("\n  ").append(node).append(": ");
            if (!node.isAlive()) {
                out.append("-");
                continue;
            }
            try {
                live.accept(node, out);
            } catch (RuntimeException e) {
                out.append("no answer: ").append(e);
            }
        }
        return out.toString();
    }

    /**
     * The ring state of every node that answers, by ring address.
     *
     * @param live the nodes whose processes run
     */
    static <N> Map<String, RingStatus> ringStates(List<N> live, Function<N, String> ringAddress,
                                                  Function<N, RingStatus> ring) {
        Map<String, RingStatus> states = new LinkedHashMap<>();
        for (N node : live) {
            try {
                states.put(ringAddress.apply(node), ring.apply(node));
            } catch (RuntimeException e) {
                // Left out: reported as not answering.
            }
        }
        return states;
    }

    /** Prints a step of the scenario with the seconds since {@code began} (a {@link System#nanoTime()}). */
    static void progress(long began, String step) {
        System.out.printf("[e2e %5.1f s] %s%n", (System.nanoTime() - began) / 1e9, step);
    }

    static int freePort(String host) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return probe.getLocalPort();
        }
    }
}
