package io.sectorsphere.udt.cc;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The congestion controllers a transfer can choose by name. */
public final class CongestionControls {

    /** The controller used when a transfer names none. */
    public static final String DEFAULT = "fair";

    private static final Map<String, Supplier<CongestionControl>> FACTORIES = Map.of(
            "native", NativeCongestionControl::new,
            "fair", FairCongestionControl::new,
            "dedicated", DedicatedCongestionControl::new);

    private CongestionControls() {
    }

    /** A new controller for one connection. */
    public static CongestionControl create(String name) {
        Supplier<CongestionControl> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown congestion control '" + name + "'; choose one of " + names());
        }
        return factory.get();
    }

    public static List<String> names() {
        return FACTORIES.keySet().stream().sorted().toList();
    }
}
