package io.salesdesk.app.help;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import javafx.application.Platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an exception nobody caught, on the FX thread or any other: it is logged with its
 * stack trace and the user sees {@link CrashDialog} instead of nothing. JavaFX hands an exception
 * thrown in an event handler to this handler and goes on dispatching events, so the app keeps running.
 * The same failure (same exception type at the same place) is shown once per run, and never while
 * the dialog is already open: a failure in a layout pass would otherwise open a dialog per frame.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CrashHandler.class);

    private final Set<String> shown = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean open = new AtomicBoolean();
    private final BiConsumer<Throwable, Runnable> dialog;

    CrashHandler(BiConsumer<Throwable, Runnable> dialog) {
        this.dialog = dialog;
    }

    /** Handles every uncaught exception of this JVM from now on, showing {@link CrashDialog}. */
    public static CrashHandler install() {
        CrashHandler handler = new CrashHandler(CrashDialog::show);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        return handler;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception on thread {}", thread.getName(), error);
        if (!shown.add(signature(error)) || !open.compareAndSet(false, true)) {
            return;
        }
        try {
            // Always on a later pulse: a dialog cannot open during the layout pass that failed.
            Platform.runLater(() -> {
                try {
                    dialog.accept(error, () -> open.set(false));
                } catch (RuntimeException e) {
                    open.set(false);
                    LOG.error("The crash dialog could not be shown", e);
                }
            });
        } catch (IllegalStateException toolkitNotRunning) {
            // A command, or the window already closed: the log has it.
            open.set(false);
        }
    }

    /** The exception's type and where it was thrown: what makes two failures "the same". */
    static String signature(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StackTraceElement[] trace = root.getStackTrace();
        return root.getClass().getName() + "@" + (trace.length == 0 ? "?" : trace[0].toString());
    }
}
