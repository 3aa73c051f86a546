package io.sectorsphere.transfer.agent.jobs;

/** Where a transfer job is. */
public enum JobState {
    QUEUED,
    RUNNING,
    /** Every file is at the target. */
    SUCCEEDED,
    /** At least one file could not be copied; the others may have been. */
    FAILED
}
