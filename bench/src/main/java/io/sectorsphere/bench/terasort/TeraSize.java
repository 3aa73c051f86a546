package io.sectorsphere.bench.terasort;

import java.util.List;

/**
 * A case of the bench: how many TeraGen rows, and how many partitions Spark sorts into (peers/README.md:
 * 2 at 1 GB, 4 at 4 GB).
 */
record TeraSize(String name, long rows, int sparkPartitions) {

    static final List<TeraSize> ALL = List.of(
            new TeraSize("terasort-100m", 1_000_000, 2),
            new TeraSize("terasort-1g", 10_000_000, 2),
            new TeraSize("terasort-4g", 40_000_000, 4));

    /** @throws IllegalArgumentException for an unknown case name */
    static TeraSize named(String name) {
        return ALL.stream().filter(size -> size.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown case '" + name + "'; cases: "
                        + String.join(" ", ALL.stream().map(TeraSize::name).toList())));
    }

    long bytes() {
        return rows * TeraRecords.RECORD_BYTES;
    }
}
