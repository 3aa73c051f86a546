package io.sectorsphere.sphere.runtime;

import io.sectorsphere.sphere.api.Input;
import io.sectorsphere.sphere.api.Records;
import java.nio.file.Path;

/** One unit as the function sees it. */
record UnitInput(String fileName, long offset, long length, long firstRecord, Records unitRecords, Path localFile,
                 long resumePosition) implements Input {

    @Override
    public Records records() {
        return unitRecords;
    }
}
