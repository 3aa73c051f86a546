package io.sectorsphere.bench.terasort;

import java.util.ArrayList;
import java.util.List;

/**
 * What Hadoop's TeraValidate wrote: lines {@code key<TAB>value}, one {@code checksum<TAB>hex} and,
 * for sorted output, nothing else ({@code misorder in ...}, {@code bad key partitioning ...} otherwise).
 *
 * @param checksum the checksum's hex, or null if the report has none
 * @param errors every other line
 */
record TeraValidateReport(String checksum, List<String> errors) {

    static TeraValidateReport parse(List<String> lines) {
        String checksum = null;
        List<String> errors = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("checksum\t")) {
                checksum = line.substring("checksum\t".length()).strip();
            } else if (!line.isBlank()) {
                errors.add(line);
            }
        }
        return new TeraValidateReport(checksum, List.copyOf(errors));
    }

    /** Sorted, and holding exactly the records whose checksum is {@code expected}. */
    boolean accepts(String expected) {
        return errors.isEmpty() && expected.equals(checksum);
    }
}
