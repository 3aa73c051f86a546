package io.sectorsphere.chord;

/** No live node on the way to the key answered, or the lookup did not converge within its hop limit. */
public class LookupFailedException extends RuntimeException {

    public LookupFailedException(String message) {
        super(message);
    }
}
