package io.sectorsphere.storage.security;

import io.sectorsphere.storage.metrics.StorageMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies the {@link AccessPolicy} to every API request before its handler runs, so a refused
 * upload is never read, let alone stored: PUT, POST and DELETE are writes, GET and HEAD reads.
 */
@Component
public class AccessInterceptor implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AccessPolicy policy;
    private final StorageMetrics metrics;

    AccessInterceptor(AccessPolicy policy, StorageMetrics metrics) {
        this.policy = policy;
        this.metrics = metrics;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (READS.contains(request.getMethod())) {
            policy.requireReader(authorization);
            return true;
        }
        try {
            policy.requireWriter(request.getRemoteAddr(), authorization);
        } catch (AccessDeniedException e) {
            if ("PUT".equals(request.getMethod())) {
                metrics.uploadRejected(e.reason() == AccessDeniedException.Reason.ADDRESS
                        ? StorageMetrics.Rejection.ADDRESS : StorageMetrics.Rejection.TOKEN);
            }
            throw e;
        }
        return true;
    }
}
