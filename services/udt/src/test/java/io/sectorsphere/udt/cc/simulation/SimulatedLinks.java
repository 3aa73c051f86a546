package io.sectorsphere.udt.cc.simulation;

import io.sectorsphere.udt.cc.CongestionControl;
import io.sectorsphere.udt.cc.CongestionControls;
import java.util.function.Supplier;

/** Shorthands the simulation tests share: a 100 Mb/s bottleneck and controllers by name. */
final class SimulatedLinks {

    static final double MEGABITS = 100;

    private SimulatedLinks() {
    }

    static Supplier<CongestionControl> controller(String name) {
        return () -> CongestionControls.create(name);
    }

    /** One flow of {@code controller} alone on the link for 25 s, measured after the first 5. */
    static Scenario.Result alone(String controller, LinkSpec link) {
        return new Scenario(link).udt(controller(controller), 0).run(5, 25);
    }
}
