package io.sectorsphere.sphere.runtime;

import java.util.Locale;

/**
 * What a processing element reports on its standard output, one line each: a unit started, the
 * attempt finished with its counts, or it failed with the function's message.
 */
public sealed interface SpeEvent {

    record UnitStarted() implements SpeEvent {
    }

    record Finished(long recordsIn, long bytesIn, long recordsOut, long bytesOut) implements SpeEvent {
    }

    record Failed(String message) implements SpeEvent {
    }

    static String encode(SpeEvent event) {
        return switch (event) {
            case UnitStarted ignored -> "unit";
            case Finished f -> String.format(Locale.ROOT, "done %d %d %d %d", f.recordsIn(), f.bytesIn(),
                    f.recordsOut(), f.bytesOut());
            case Failed f -> "failed " + f.message().replace('\n', ' ').replace('\r', ' ');
        };
    }

    /** @throws IllegalArgumentException for a line that is no event */
    static SpeEvent decode(String line) {
        if (line.equals("unit")) {
            return new UnitStarted();
        }
        if (line.startsWith("failed ")) {
            return new Failed(line.substring("failed ".length()));
        }
        if (line.startsWith("done ")) {
            String[] counts = line.substring("done ".length()).split(" ");
            if (counts.length == 4) {
                return new Finished(Long.parseLong(counts[0]), Long.parseLong(counts[1]), Long.parseLong(counts[2]),
                        Long.parseLong(counts[3]));
            }
        }
        throw new IllegalArgumentException("not a processing element event: " + line);
    }
}
