package io.sectorsphere.wan;

/** One end of the emulated link: each side is a network namespace with one address. */
public enum Side {
    A("10.77.0.1"),
    B("10.77.0.2");

    private final String address;

    Side(String address) {
        this.address = address;
    }

    /** This side's IPv4 address, reachable only from the other side of the same emulator. */
    public String address() {
        return address;
    }

    public Side other() {
        return this == A ? B : A;
    }
}
