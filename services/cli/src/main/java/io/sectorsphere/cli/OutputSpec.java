package io.sectorsphere.cli;

import io.sectorsphere.common.sphere.OutputRequest;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --output} of a one-stage job: {@code caller} (records come back to {@code sector job
 * results}), {@code local:PREFIX} (a file {@code PREFIX/part-NNNNN} per segment on the node that ran
 * it) or {@code buckets:N:PREFIX} (N files {@code PREFIX/bucket-NNNNN}).
 */
final class OutputSpec implements ITypeConverter<OutputRequest> {

    static final String SYNTAX = "caller, local:PREFIX or buckets:N:PREFIX";

    @Override
    public OutputRequest convert(String value) {
        return parse(value);
    }

    /** @throws TypeConversionException if {@code value} is none of the three forms */
    static OutputRequest parse(String value) {
        String text = value.strip();
        int colon = text.indexOf(':');
        String kind = (colon < 0 ? text : text.substring(0, colon)).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? null : text.substring(colon + 1);
        switch (kind) {
            case "caller" -> {
                if (rest == null) {
                    return new OutputRequest("CALLER", null, null, null);
                }
            }
            case "local" -> {
                if (rest != null && !rest.isBlank()) {
                    return new OutputRequest("LOCAL", rest, null, null);
                }
            }
            case "buckets" -> {
                int second = rest == null ? -1 : rest.indexOf(':');
                if (second > 0 && !rest.substring(second + 1).isBlank()) {
                    return new OutputRequest("BUCKETS", rest.substring(second + 1),
                            buckets(rest.substring(0, second), value), null);
                }
            }
            default -> {
                // Reported below.
            }
        }
        throw new TypeConversionException("expected " + SYNTAX + ", not '" + value + "'");
    }

    private static int buckets(String count, String value) {
        try {
            int buckets = Integer.parseInt(count);
            if (buckets >= 1) {
                return buckets;
            }
        } catch (NumberFormatException e) {
            // Reported below with the whole value.
        }
        throw new TypeConversionException("the bucket count in '" + value + "' must be a whole number of at least 1");
    }
}
