package io.sectorsphere.transfer.agent.jobs;

/** The job queue is full; the caller should come back later. */
public class JobsBusyException extends RuntimeException {

    public JobsBusyException(int queued) {
        super(queued + " transfer jobs are already waiting");
    }
}
