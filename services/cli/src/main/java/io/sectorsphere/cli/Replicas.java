package io.sectorsphere.cli;

import io.sectorsphere.common.location.Replica;
import java.io.PrintWriter;
import java.util.List;

/** The replica lines {@code stat} and {@code locate} share: holder, addresses, and when the record lapses. */
final class Replicas {

    private Replicas() {
    }

    static void print(PrintWriter out, List<Replica> replicas) {
        out.println("replicas  " + replicas.size());
        if (replicas.isEmpty()) {
            return;
        }
        TextTable table = new TextTable(false, false, false, false);
        table.row("  HOLDER", "HTTP", "UDT", "EXPIRES");
        for (Replica replica : replicas) {
            table.row("  " + replica.holder(), orDash(replica.httpAddress()), orDash(replica.udtAddress()),
                    Formats.time(replica.expiresAt()));
        }
        table.print(out);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
