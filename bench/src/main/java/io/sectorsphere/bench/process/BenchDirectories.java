package io.sectorsphere.bench.process;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where benchmarks keep their files. */
public final class BenchDirectories {

    private BenchDirectories() {
    }

    /** {@code bench/target} ({@code BENCH_TARGET} overrides), found from where the classes were loaded. */
    public static Path target() {
        String override = System.getenv("BENCH_TARGET");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        try {
            Path classes = Path.of(BenchDirectories.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code bench/target/work}: temporary files of the runs. */
    public static Path work() {
        return target().resolve("work");
    }
}
