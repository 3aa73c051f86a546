package io.sectorsphere.transfer.choice;

import java.util.Locale;

/** What a caller asks for: a transport chosen from the path's measurements, or one fixed. */
public enum TransportPreference {
    AUTO,
    TCP,
    UDT;

    /** {@code auto}, {@code tcp} or {@code udt}, any case; null means {@code auto}. */
    public static TransportPreference parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("transport must be auto, tcp or udt, got '" + value + "'");
        }
    }
}
