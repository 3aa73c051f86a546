package io.sectorsphere.common.sphere;

/**
 * One stage of a job.
 *
 * @param operator a built-in operator's name, or the class name of a function in {@code jar}
 * @param jar the Sector name of a JAR holding the function (optional: built-ins need none)
 * @param unit {@code RECORDS}, {@code SEGMENT} (default) or {@code FILE}
 * @param recordsPerUnit records per call for {@code RECORDS} units (optional)
 * @param parameters text handed to the function as its parameter bytes (UTF-8; optional)
 * @param format how this stage finds records, for stages after the first (default {@code index},
 *     as bucket files carry a record index)
 * @param output where the stage's records go
 */
public record StageRequest(String operator, String jar, String unit, Integer recordsPerUnit,
                           String parameters, String format, OutputRequest output) {
}
