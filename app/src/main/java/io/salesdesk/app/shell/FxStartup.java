package io.salesdesk.app.shell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit on a thread of its own as early as the command line knows the window
 * will open: the toolkit's half second of start-up then overlaps the logging set-up, the command
 * line parsing and the opening of the database instead of following them.
 */
public final class FxStartup {

    private static final AtomicBoolean REQUESTED = new AtomicBoolean();
    private static final CompletableFuture<Void> STARTED = new CompletableFuture<>();

    private FxStartup() {
    }

    /** Starts the toolkit in the background; does nothing if it is already starting. */
    public static void begin() {
        if (!REQUESTED.compareAndSet(false, true)) {
            return;
        }
        Thread starter = new Thread(() -> {
            try {
                Platform.startup(() -> STARTED.complete(null));
            } catch (RuntimeException e) {
                STARTED.completeExceptionally(e);
            }
        }, "salesdesk-fx-startup");
        starter.setDaemon(true);
        starter.start();
    }

    /** Starts the toolkit if no one did and waits until it runs. */
    public static void await() {
        begin();
        STARTED.join();
    }
}
