package io.sectorsphere.storage.web;

/** The {@code scope} query parameter: this node only, or the whole cluster. */
enum Scope {
    LOCAL, CLUSTER;

    static Scope parse(String value, Scope absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        return switch (value) {
            case "local" -> LOCAL;
            case "cluster" -> CLUSTER;
            default -> throw new IllegalArgumentException("scope is 'local' or 'cluster', got '" + value + "'");
        };
    }
}
