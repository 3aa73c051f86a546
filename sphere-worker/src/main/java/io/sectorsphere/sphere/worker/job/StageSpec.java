package io.sectorsphere.sphere.worker.job;

import io.sectorsphere.sphere.api.RecordFormat;
import io.sectorsphere.sphere.api.UnitKind;

/**
 * One validated stage of a job.
 *
 * @param jar the Sector name of the JAR holding {@code operator}, null for a built-in
 * @param parameters the function's parameter bytes
 */
public record StageSpec(int index, String operator, String jar, UnitKind unit, int recordsPerUnit,
                        byte[] parameters, RecordFormat format, OutputSpec output) {
}
