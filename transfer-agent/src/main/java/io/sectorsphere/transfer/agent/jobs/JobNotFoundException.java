package io.sectorsphere.transfer.agent.jobs;

/** No job has this id, or it finished so long ago that it was forgotten. */
public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(String id) {
        super("no transfer job " + id);
    }
}
