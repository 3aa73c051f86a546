package io.sectorsphere.transfer.agent.jobs;

/** Where one file of a job is. */
public enum FileState {
    QUEUED,
    RUNNING,
    /** Copied and verified. */
    DONE,
    /** Already at the target with the same SHA-256; nothing moved. */
    PRESENT,
    /** Not copied; nothing partial is left at the target. */
    FAILED
}
