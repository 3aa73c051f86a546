package io.sectorsphere.service.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details. Spring's own cases (unknown route, wrong method,
 * unreadable body, ...) come from {@link ResponseEntityExceptionHandler}; this adds what every
 * service shares: invalid arguments as 400, anything unexpected as 500. A service subclasses it as
 * its {@code @RestControllerAdvice} and adds its own exceptions.
 */
public abstract class ServiceProblemHandler extends ResponseEntityExceptionHandler {

    static final String DEFAULT_SERVICE = "the service";

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String service;

    /** @param service the service as named in details, as in "the locator" */
    protected ServiceProblemHandler(String service) {
        this.service = service;
    }

    /** The service as named in details, as in "the locator". */
    public String service() {
        return service;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    protected ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    protected ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure of a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", service + " failed to answer");
    }

    /** Record constructors fail inside JSON parsing; their message is the useful one. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            ResponseEntity<Object> answer = unreadableBecauseOf(cause);
            if (answer != null) {
                return answer;
            }
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    /**
     * The answer to a request body that could not be read because of {@code cause}, one of the
     * chain of causes from the outermost in, or null to look further. This answers invalid
     * arguments; a service overrides it to answer its own exceptions first.
     */
    protected ResponseEntity<Object> unreadableBecauseOf(Throwable cause) {
        if (cause instanceof IllegalArgumentException invalid) {
            return ResponseEntity.badRequest().body(badRequest(invalid));
        }
        return null;
    }

    /** Problem details with the given status, title and detail. */
    protected static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
