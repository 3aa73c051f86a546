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

    /** What to do while flows run together, e.g. measure them over a shared window; begun flows only. */
    @FunctionalInterface
    interface WhileRunning {
        void during(List<Flow> begun) throws Exception;
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
        return together(List.of(maker), begun -> { }).getFirst();
    }

    /** Runs the flows side by side; {@code whileRunning} failing fails every flow with its reason. */
    static List<Outcome> together(List<FlowMaker> makers, WhileRunning whileRunning) {
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
            List<Flow> begun = new ArrayList<>();
            for (int i = 0; i < flows.size(); i++) {
                if (flows.get(i) != null && outcomes.get(i) == null) {
                    begun.add(flows.get(i));
                }
            }
            String windowError = null;
            try {
                whileRunning.during(begun);
            } catch (Exception e) {
                windowError = describe(e);
            }
            for (int i = 0; i < flows.size(); i++) {
                if (flows.get(i) != null && outcomes.get(i) == null) {
                    try {
                        FlowResult result = flows.get(i).await();
                        outcomes.set(i, windowError == null ? new Outcome(result, null) : new Outcome(null, windowError));
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
