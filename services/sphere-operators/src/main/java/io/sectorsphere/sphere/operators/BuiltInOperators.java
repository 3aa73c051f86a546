package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.SphereFunction;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Sphere's built-in operators by name; each call of {@link #create} makes a fresh instance. */
public final class BuiltInOperators {

    private static final Map<String, Supplier<SphereFunction>> OPERATORS = new TreeMap<>(Map.of(
            "identity", IdentityOperator::new,
            "grep", GrepOperator::new,
            "wordcount", WordCountOperator::new,
            "sum", SumOperator::new,
            "stream", StreamOperator::new,
            "teragen", TeraGenOperator::new,
            "terasort-bucket", TeraSortBucketOperator::new,
            "terasort-sort", TeraSortOperator::new,
            "teravalidate", TeraValidateOperator::new));

    private BuiltInOperators() {
    }

    public static Optional<SphereFunction> create(String name) {
        return Optional.ofNullable(OPERATORS.get(name)).map(Supplier::get);
    }

    public static Set<String> names() {
        return Collections.unmodifiableSet(OPERATORS.keySet());
    }
}
