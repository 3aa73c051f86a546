package io.sectorsphere.cli;

import io.sectorsphere.common.sphere.JobInput;
import java.util.ArrayList;
import java.util.List;

/** The {@code -i} options of a job: a name ending in {@code /} is a prefix (every file below it), any other a file. */
final class JobInputs {

    private JobInputs() {
    }

    /** @throws IllegalArgumentException if there is no input or a blank one */
    static JobInput of(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("a job needs input: -i NAME or -i PREFIX/");
        }
        List<String> files = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String name : names) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("an input name must not be blank");
            }
            (name.endsWith("/") ? prefixes : files).add(name.strip());
        }
        return new JobInput(files, prefixes);
    }

    /** Every file below {@code name}: the name with a {@code /} added unless it has one. */
    static String directory(String name) {
        return name.endsWith("/") ? name : name + "/";
    }
}
