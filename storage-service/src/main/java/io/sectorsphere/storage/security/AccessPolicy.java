package io.sectorsphere.storage.security;

import io.sectorsphere.common.security.AccessTokens;
import io.sectorsphere.common.security.CidrBlock;
import io.sectorsphere.storage.config.StorageProperties;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sector's access model: reads are open (or, if configured, need an account token); a write needs
 * both a client address inside {@code write-allow} and the bearer token of a configured account.
 * Tokens are checked against their SHA-256 only, against every account in constant time. The
 * address is the TCP peer's: forwarding headers are not trusted.
 */
@Component
public class AccessPolicy {

    private static final String BEARER = "Bearer ";

    private final List<CidrBlock> writeAllow;
    private final List<StorageProperties.Account> accounts;
    private final boolean readRequiresToken;

    AccessPolicy(StorageProperties properties) {
        this.writeAllow = properties.security().writeAllowBlocks();
        this.accounts = properties.security().accounts();
        this.readRequiresToken = properties.security().readRequiresToken();
    }

    /**
     * @param remoteAddress the client's IP address as the server saw it
     * @param authorization the {@code Authorization} header, or null
     * @return the account writing
     * @throws AccessDeniedException if the address is not allowed or the token not valid
     */
    public String requireWriter(String remoteAddress, String authorization) {
        if (!isAllowed(remoteAddress)) {
            throw new AccessDeniedException(AccessDeniedException.Reason.ADDRESS,
                    "writes from " + remoteAddress + " are not allowed on this node");
        }
        return account(authorization).orElseThrow(() -> new AccessDeniedException(AccessDeniedException.Reason.TOKEN,
                "a write needs the bearer token of an account of this node"));
    }

    /** @throws UnauthenticatedException if reads need a token and there is no valid one */
    public void requireReader(String authorization) {
        if (readRequiresToken && account(authorization).isEmpty()) {
            throw new UnauthenticatedException("reads on this node need the bearer token of an account");
        }
    }

    private boolean isAllowed(String remoteAddress) {
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(remoteAddress);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        return writeAllow.stream().anyMatch(block -> block.contains(address));
    }

    /** The account whose token this is; every account is compared, so timing tells nothing. */
    private Optional<String> account(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        String found = null;
        for (StorageProperties.Account account : accounts) {
            if (AccessTokens.matches(token, account.tokenSha256()) && found == null) {
                found = account.name();
            }
        }
        return Optional.ofNullable(found);
    }
}
