package io.sectorsphere.common.sphere;

import java.util.List;

/** A job's input: whole files by name and every file under a name prefix. */
public record JobInput(List<String> files, List<String> prefixes) {

    public JobInput {
        files = files == null ? List.of() : List.copyOf(files);
        prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
    }
}
