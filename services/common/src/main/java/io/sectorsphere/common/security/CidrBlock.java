package io.sectorsphere.common.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An address block such as {@code 10.0.0.0/8} or {@code ::1/128}, as allow-lists name them. Parsing
 * takes literal addresses only, so it never asks DNS. A bare address is a block of one.
 */
public record CidrBlock(InetAddress network, int prefixLength) {

    /** Four decimal parts: the legacy short forms ({@code 10.1}) that the JDK parser accepts would mislead. */
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public CidrBlock {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("a prefix length of " + network.getHostAddress() + " lies in 0.." + bits);
        }
        network = masked(network, prefixLength);
    }

    /** @throws IllegalArgumentException if {@code value} is not {@code address[/prefix]} */
    public static CidrBlock parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an address block is required, as address/prefix");
        }
        String trimmed = value.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress network;
        try {
            if (!address.contains(":") && !DOTTED_QUAD.matcher(address).matches()) {
                throw new IllegalArgumentException("not a dotted quad");
            }
            network = InetAddress.ofLiteral(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an address block such as 10.0.0.0/8", e);
        }
        int bits = network.getAddress().length * 8;
        if (slash < 0) {
            return new CidrBlock(network, bits);
        }
        try {
            return new CidrBlock(network, Integer.parseInt(trimmed.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + trimmed + "' has an invalid prefix length", e);
        }
    }

    /** Whether {@code address} lies in this block; an IPv4 address never lies in an IPv6 block. */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] prefix = network.getAddress();
        if (candidate.length != prefix.length) {
            return false;
        }
        return Arrays.equals(masked(candidate, prefixLength), prefix);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }

    private static InetAddress masked(InetAddress address, int prefixLength) {
        try {
            return InetAddress.getByAddress(masked(address.getAddress(), prefixLength));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of valid length was refused", e);
        }
    }

    private static byte[] masked(byte[] bytes, int prefixLength) {
        byte[] result = bytes.clone();
        for (int i = 0; i < result.length; i++) {
            int keep = Math.clamp(prefixLength - i * 8L, 0, 8);
            result[i] &= (byte) (0xff << (8 - keep));
        }
        return result;
    }
}
