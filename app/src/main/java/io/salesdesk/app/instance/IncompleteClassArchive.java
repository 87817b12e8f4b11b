package io.salesdesk.app.instance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bin/salesdesk records its class data archive at the exit of a run that opens the window
 * ({@code -XX:ArchiveClassesAtExit}). A run that only hands a file to the window already open loads
 * a tenth of those classes, and its archive would slow every later start; the JVM writes it anyway,
 * so such a run leaves {@code salesdesk.jsa.incomplete} next to it and bin/salesdesk records afresh.
 */
public final class IncompleteClassArchive {

    private static final Logger LOG = LoggerFactory.getLogger(IncompleteClassArchive.class);
    private static final String RECORDING = "-XX:ArchiveClassesAtExit=";

    private IncompleteClassArchive() {
    }

    /** The archive this JVM writes at exit, from its options, if it writes one. */
    static Optional<Path> recorded(List<String> jvmOptions) {
        return jvmOptions.stream().filter(o -> o.startsWith(RECORDING))
                .map(o -> Path.of(o.substring(RECORDING.length()))).findFirst();
    }

    /** Marks the archive this JVM records, if any, as one to record again. */
    public static void mark(List<String> jvmOptions) {
        recorded(jvmOptions).ifPresent(archive -> {
            Path marker = archive.resolveSibling(archive.getFileName() + ".incomplete");
            try {
                Files.writeString(marker, "recorded by a start that handed over to an open window\n");
            } catch (IOException e) {
                LOG.debug("Could not mark {} as incomplete", archive, e);
            }
        });
    }
}
