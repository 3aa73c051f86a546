package io.sectorsphere.client;

/**
 * How to upload a file.
 *
 * @param overwrite replace an existing file of the same name; without it an existing name is a
 *     {@link ConflictException}
 */
public record PutOptions(boolean overwrite) {

    public static final PutOptions DEFAULT = new PutOptions(false);
    public static final PutOptions OVERWRITE = new PutOptions(true);
}
