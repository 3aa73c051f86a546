package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Context;
import io.sectorsphere.sphere.api.Input;
import io.sectorsphere.sphere.api.Output;
import io.sectorsphere.sphere.api.Records;
import io.sectorsphere.sphere.api.SphereFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The records whose text (UTF-8, without its line break) contains a match of the Java regular
 * expression given as the parameters; with buckets, routed as {@link IdentityOperator} routes.
 */
public final class GrepOperator implements SphereFunction {

    private Matcher matcher;

    @Override
    public void open(Context context) {
        String regex = context.parameterText();
        if (regex.isEmpty()) {
            throw new IllegalArgumentException("grep needs a regular expression as its parameters");
        }
        try {
            matcher = Pattern.compile(regex).matcher("");
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("grep: not a regular expression: " + e.getMessage(), e);
        }
    }

    @Override
    public void process(Input input, Output output, Context context) throws Exception {
        Records records = input.records();
        while (records.next()) {
            if (matcher.reset(records.text()).find()) {
                RecordRouting.write(records, output, context.bucketCount());
            }
        }
    }
}
