package io.sectorsphere.udt.cc.simulation;

import java.util.Locale;

/**
 * Prints the simulated counterparts of the {@code bench/udt} cases at 100 Mb/s, one line per
 * case: each controller and the TCP CUBIC model alone at RTT 16 to 200 ms and random loss 0 to
 * 0.1 %, then the sharing cases. A development aid run by hand, after {@code test-compile}:
 * {@code java -cp services/udt/target/classes:services/udt/target/test-classes
 * io.sectorsphere.udt.cc.simulation.SimulationTable}; the tests assert the targets.
 */
public final class SimulationTable {

    private static final String[] ALONE = {"native", "fair", "dedicated", "tcp-cubic"};
    private static final int[] RTTS = {16, 55, 71, 200};
    private static final double[] LOSSES = {0, 0.0001, 0.001};

    private SimulationTable() {
    }

    public static void main(String[] args) {
        for (String flow : ALONE) {
            for (int rtt : RTTS) {
                for (double loss : LOSSES) {
                    Scenario scenario = new Scenario(LinkSpec.lossy(SimulatedLinks.MEGABITS, rtt, loss));
                    Scenario.Result result = (flow.equals("tcp-cubic")
                            ? scenario.tcpCubic(0)
                            : scenario.udt(SimulatedLinks.controller(flow), 0)).run(5, 25);
                    print("flow=%s rtt_ms=%d loss=%s ratio_link=%.3f", flow, rtt, loss, result.total());
                }
            }
        }
        for (int rtt : RTTS) {
            Scenario.Result ours = new Scenario(LinkSpec.clean(SimulatedLinks.MEGABITS, rtt))
                    .udt(SimulatedLinks.controller("fair"), 0).udt(SimulatedLinks.controller("fair"), 3).run(10, 40);
            print("case=fair_x2 rtt_ms=%d jain=%.3f ratio_link=%.3f", rtt, ours.jainIndex(), ours.total());
            for (String controller : new String[] {"fair", "native", "dedicated"}) {
                Scenario.Result withTcp = new Scenario(LinkSpec.clean(SimulatedLinks.MEGABITS, rtt))
                        .udt(SimulatedLinks.controller(controller), 0).tcpCubic(3).run(10, 40);
                print("case=%s_vs_cubic rtt_ms=%d ours=%.3f tcp=%.3f", controller, rtt,
                        withTcp.shares()[0], withTcp.shares()[1]);
            }
        }
    }

    private static void print(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }
}
