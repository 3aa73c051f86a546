package io.sectorsphere.sphere.api;

/**
 * A user-defined function that Sphere runs over every unit of a job's input, on a node that holds
 * the unit's data (Sphere's UDF). One instance serves one processing element for one job: {@link
 * #open} runs before its first unit and {@link #close} after its last, so an instance may keep
 * state across the units it is given. Implementations need a public no-argument constructor.
 *
 * <p>Whatever {@code process} throws fails that attempt of the unit's segment only; the job
 * re-runs the segment elsewhere and reports the message if every attempt fails.
 */
public interface SphereFunction {

    default void open(Context context) throws Exception {
    }

    void process(Input input, Output output, Context context) throws Exception;

    /** Called after the last unit this instance processed; output written here joins that segment's. */
    default void close(Output output, Context context) throws Exception {
    }
}
