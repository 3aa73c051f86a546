package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Input;
import io.sectorsphere.sphere.api.SphereFunction;
import java.nio.file.Path;
import java.util.List;

/** Runs a function over some units as one processing element would: open, each unit, close. */
final class OperatorRun {

    private OperatorRun() {
    }

    static CollectingOutput run(String operator, String parameters, int buckets, Path scratch, List<? extends Input> units)
            throws Exception {
        SphereFunction function = BuiltInOperators.create(operator).orElseThrow();
        TestContext context = new TestContext(parameters, buckets, scratch);
        CollectingOutput output = new CollectingOutput(buckets);
        function.open(context);
        for (Input unit : units) {
            function.process(unit, output, context);
        }
        function.close(output, context);
        return output;
    }

    static CollectingOutput run(String operator, String parameters, int buckets, Path scratch, Input unit) throws Exception {
        return run(operator, parameters, buckets, scratch, List.of(unit));
    }
}
