package io.sectorsphere.sphere.operators;

/**
 * Which bucket a record or key goes to, by a hash that every JVM computes alike (so every
 * attempt of a segment routes its records the same way).
 */
final class Buckets {

    private Buckets() {
    }

    static int of(byte[] bytes, int offset, int length, int buckets) {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        return Math.floorMod(mix(hash), buckets);
    }

    /** {@link String#hashCode()} is fixed by its specification, so it is the same on every node. */
    static int of(String key, int buckets) {
        return Math.floorMod(mix(key.hashCode()), buckets);
    }

    /** Spreads the low bits, which a power-of-two bucket count would otherwise take alone. */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
