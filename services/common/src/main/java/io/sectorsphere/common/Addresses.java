package io.sectorsphere.common;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks the network addresses that nodes publish about themselves. */
public final class Addresses {

    private static final int MAX_HOST_PORT_LENGTH = 261;
    private static final int MAX_URL_LENGTH = 1024;

    private Addresses() {
    }

    /**
     * Returns {@code value} if it is {@code host:port}: a DNS name, an IPv4 address or a bracketed
     * IPv6 address, and a port in 1..65535.
     *
     * @throws IllegalArgumentException naming {@code what} otherwise
     */
    public static String requireHostPort(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is required, as host:port");
        }
        int colon = value.lastIndexOf(':');
        if (value.length() > MAX_HOST_PORT_LENGTH || colon <= 0) {
            throw new IllegalArgumentException(what + " must be host:port, got '" + abbreviate(value) + "'");
        }
        requirePort(what, value, value.substring(colon + 1));
        String host = value.substring(0, colon);
        if (!isHostName(host) && !isBracketedIpv6(host)) {
            throw new IllegalArgumentException(what + " has an invalid host in '" + abbreviate(value) + "'");
        }
        return value;
    }

    /**
     * Returns {@code value} if it is an absolute {@code http} or {@code https} URL with a host and no
     * user info, query or fragment.
     *
     * @throws IllegalArgumentException naming {@code what} otherwise
     */
    public static String requireHttpUrl(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is required, as an http(s) URL");
        }
        if (value.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException(what + " is at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a URL: '" + abbreviate(value) + "'", e);
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    what + " must be http(s)://host[:port][/path], got '" + abbreviate(value) + "'");
        }
        return value;
    }

    /** Letters, digits, dots and hyphens: DNS names and IPv4 addresses. */
    private static boolean isHostName(String host) {
        return !host.isEmpty()
                && host.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-'));
    }

    private static boolean isBracketedIpv6(String host) {
        return host.length() > 2 && host.startsWith("[") && host.endsWith("]")
                && host.substring(1, host.length() - 1).chars()
                        .allMatch(c -> c < 128 && (Character.digit(c, 16) >= 0 || c == ':' || c == '.'));
    }

    private static void requirePort(String what, String value, String port) {
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " has an invalid port in '" + abbreviate(value) + "'");
    }

    /** Keeps error messages one short line even for hostile input. */
    static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
