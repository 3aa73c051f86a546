package io.sectorsphere.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One readable line for a failure to read or write a local file; the JDK's messages are terse or bare paths. */
final class LocalFiles {

    private LocalFiles() {
    }

    static String describe(IOException e) {
        if (e instanceof FileSystemException failure && failure.getFile() != null) {
            return failure.getFile() + ": " + reason(failure);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String reason(FileSystemException e) {
        return switch (e) {
            case NoSuchFileException _ -> "no such file or directory";
            case AccessDeniedException _ -> "permission denied";
            case NotDirectoryException _ -> "not a directory";
            default -> e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        };
    }
}
