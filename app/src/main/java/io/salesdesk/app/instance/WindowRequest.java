package io.salesdesk.app.instance;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a start of SalesDesk asks of the window already open on its workspace: come to the front,
 * and, for a double-clicked template file, show its install plan.
 *
 * @param file the template file to open, absolute; {@code null} to only show the window
 */
public record WindowRequest(Path file) {

    /** Bring the window to the front, nothing else (SalesDesk started again from the menu). */
    public static WindowRequest show() {
        return new WindowRequest(null);
    }

    /** Bring the window to the front and show the install plan of this template file. */
    public static WindowRequest open(Path file) {
        return new WindowRequest(file.toAbsolutePath().normalize());
    }

    /** The template file to open, if any. */
    public Optional<Path> templateFile() {
        return Optional.ofNullable(file);
    }
}
