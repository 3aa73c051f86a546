package io.sectorsphere.sphere.api;

/** How a segment is handed to a function. */
public enum UnitKind {
    /** A call per run of records (the job's records-per-unit), found by the record format. */
    RECORDS,
    /** One call for the whole segment. */
    SEGMENT,
    /** One call per whole file: the function reads {@link Input#localFile()} itself, and may resume. */
    FILE
}
