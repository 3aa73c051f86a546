package io.sectorsphere.sphere.worker.web;

import io.sectorsphere.service.web.ServiceProblemHandler;
import io.sectorsphere.sphere.worker.cluster.OutputRefusedException;
import io.sectorsphere.sphere.worker.coordinator.InputNotFoundException;
import io.sectorsphere.sphere.worker.coordinator.JobNotFoundException;
import io.sectorsphere.sphere.worker.coordinator.Jobs;
import io.sectorsphere.sphere.worker.coordinator.OutputExistsException;
import io.sectorsphere.sphere.worker.exec.TaskNotFoundException;
import io.sectorsphere.sphere.worker.security.JobAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClientException;

/** Every error as RFC 9457 problem details; the shared cases come from {@link ServiceProblemHandler}. */
@RestControllerAdvice
class ProblemHandler extends ServiceProblemHandler {

    ProblemHandler() {
        super("the sphere worker");
    }

    @ExceptionHandler(JobNotFoundException.class)
    ProblemDetail jobNotFound(JobNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Job not found", e.getMessage());
    }

    @ExceptionHandler(TaskNotFoundException.class)
    ProblemDetail taskNotFound(TaskNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Attempt not found", e.getMessage());
    }

    @ExceptionHandler(InputNotFoundException.class)
    ProblemDetail inputNotFound(InputNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Input not found", e.getMessage());
    }

    @ExceptionHandler(OutputExistsException.class)
    ProblemDetail outputExists(OutputExistsException e) {
        return problem(HttpStatus.CONFLICT, "Output exists", e.getMessage());
    }

    @ExceptionHandler(Jobs.JobRunningException.class)
    ProblemDetail running(Jobs.JobRunningException e) {
        return problem(HttpStatus.CONFLICT, "Job running", e.getMessage());
    }

    @ExceptionHandler(JobAccess.JobsNotAllowedException.class)
    ProblemDetail notAllowed(JobAccess.JobsNotAllowedException e) {
        return e.missing() ? problem(HttpStatus.UNAUTHORIZED, "Authentication required", e.getMessage())
                : problem(HttpStatus.FORBIDDEN, "Jobs not allowed", e.getMessage());
    }

    @ExceptionHandler(OutputRefusedException.class)
    ProblemDetail outputRefused(OutputRefusedException e) {
        return problem(HttpStatus.BAD_GATEWAY, "Output refused", e.getMessage());
    }

    @ExceptionHandler(RestClientException.class)
    ProblemDetail clusterUnavailable(RestClientException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Cluster unavailable",
                "the cluster could not be asked: " + e.getMessage());
    }
}
