package io.sectorsphere.bench.udt;

import io.sectorsphere.bench.udt.Flow.FlowResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs flows side by side — all receivers set up first, then all senders begun together — and
 * keeps each one's result or the reason it failed, so one failing flow never hides the others.
 */
final class FlowRun {

    /** Creates a flow; it may fail, e.g. when our engine is not there yet. */
    @FunctionalInterface
    interface FlowMaker {
        Flow make() throws Exception;
    }

    /** A flow's result, or why there is none. */
    record Outcome(FlowResult result, String error) {

        boolean ok() {
            return result != null;
        }

        double mbps() {
            return ok() ? result.mbps() : Double.NaN;
        }
    }

    private FlowRun() {
    }

    static Outcome single(FlowMaker maker) {
        return together(List.of(maker)).getFirst();
    }

    static List<Outcome> together(List<FlowMaker> makers) {
        List<Flow> flows = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (FlowMaker maker : makers) {
                try {
                    flows.add(maker.make());
                    outcomes.add(null);
                } catch (Exception e) {
                    flows.add(null);
                    outcomes.add(new Outcome(null, describe(e)));
                }
            }
            for (int i = 0; i < flows.size(); i++) {
                if (flows.get(i) != null) {
                    try {
                        flows.get(i).begin();
                    } catch (Exception e) {
                        outcomes.set(i, new Outcome(null, describe(e)));
                    }
                }
            }
            for (int i = 0; i < flows.size(); i++) {
                if (flows.get(i) != null && outcomes.get(i) == null) {
                    try {
                        outcomes.set(i, new Outcome(flows.get(i).await(), null));
                    } catch (Exception e) {
                        outcomes.set(i, new Outcome(null, describe(e)));
                    }
                }
            }
            return outcomes;
        } finally {
            for (Flow flow : flows) {
                if (flow != null) {
                    flow.close();
                }
            }
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String oneLine = message.replace('\n', ' ').replace('"', '\'');
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
