package io.sectorsphere.sphere.operators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parameters written as {@code key=value} words separated by spaces, e.g. {@code memory=64m splits=...}. */
final class OperatorParameters {

    private final String operator;
    private final Map<String, String> values = new LinkedHashMap<>();

    OperatorParameters(String operator, String text, String... known) {
        this.operator = operator;
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int equals = word.indexOf('=');
            String key = equals < 0 ? word : word.substring(0, equals);
            if (equals < 0 || !List.of(known).contains(key)) {
                throw new IllegalArgumentException(operator + " takes parameters " + String.join("=…, ", known)
                        + "=…, not '" + word + "'");
            }
            values.put(key, word.substring(equals + 1));
        }
    }

    String text(String key, String otherwise) {
        return values.getOrDefault(key, otherwise);
    }

    /** A positive size (bytes or a count), with an optional k, m or g suffix (powers of 1024). */
    long size(String key, long otherwise) {
        String value = values.get(key);
        if (value == null) {
            return otherwise;
        }
        String number = value.toLowerCase(Locale.ROOT);
        long unit = switch (number.isEmpty() ? ' ' : number.charAt(number.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        try {
            long count = Long.parseLong(unit == 1 ? number : number.substring(0, number.length() - 1));
            if (count <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(count, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(operator + ": " + key + " must be a positive size such as 64m, not '"
                    + value + "'");
        }
    }
}
