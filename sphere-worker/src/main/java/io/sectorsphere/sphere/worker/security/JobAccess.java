package io.sectorsphere.sphere.worker.security;

import io.sectorsphere.common.security.AccessTokens;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may run jobs (Sector's EXEC permission): the holder of a configured account's bearer token.
 * The same token carries a job's attempts between workers and its output to the storage nodes.
 * Tokens are checked against their SHA-256 only, against every account, so timing tells nothing.
 */
@Component
public class JobAccess {

    private static final String BEARER = "Bearer ";

    private final List<SphereProperties.Account> accounts;

    JobAccess(SphereProperties properties) {
        this.accounts = List.copyOf(properties.security().accounts());
    }

    /**
     * @return the account's name
     * @throws JobsNotAllowedException without the token of an account allowed to run jobs
     */
    public String requireRunner(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new JobsNotAllowedException(true, "running jobs needs the bearer token of an account allowed to");
        }
        String token = authorization.substring(BEARER.length()).strip();
        String found = null;
        for (SphereProperties.Account account : accounts) {
            if (AccessTokens.matches(token, account.tokenSha256()) && found == null) {
                found = account.name();
            }
        }
        if (found == null) {
            throw new JobsNotAllowedException(false, "this token belongs to no account allowed to run jobs");
        }
        return found;
    }

    /** The bearer token itself, from a header that {@link #requireRunner} accepted. */
    public static String token(String authorization) {
        return authorization.substring(BEARER.length()).strip();
    }

    /** 401 without credentials, 403 with credentials that do not allow jobs. */
    public static class JobsNotAllowedException extends RuntimeException {
        private final boolean missing;

        JobsNotAllowedException(boolean missing, String message) {
            super(message);
            this.missing = missing;
        }

        public boolean missing() {
            return missing;
        }
    }
}
