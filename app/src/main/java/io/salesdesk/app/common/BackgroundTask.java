package io.salesdesk.app.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * Work that runs on the injected executor and reports back on the FX thread (as JabRef's
 * BackgroundTask). Tests pass a same-thread executor, so the whole chain runs synchronously.
 *
 * <pre>BackgroundTask.wrap(() -&gt; service.open(actor, id)).onSuccess(this::show).executeWith(executor);</pre>
 *
 * @param <T> the result
 */
public final class BackgroundTask<T> {

    private final Callable<T> work;
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure = ErrorDialogs::show;
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> wrap(Runnable work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    public BackgroundTask<T> onSuccess(Consumer<T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /** Replaces the default (an error dialog) with own handling, e.g. showing problems at fields. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs after success or failure, e.g. to hide a busy indicator. */
    public BackgroundTask<T> onFinished(Runnable handler) {
        this.onFinished = Objects.requireNonNull(handler);
        return this;
    }

    public void executeWith(Executor executor) {
        Thread caller = Thread.currentThread();
        executor.execute(() -> {
            // A same-thread executor (tests, view-model tests without FX) reports back inline.
            boolean inline = Thread.currentThread() == caller;
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                report(inline, () -> {
                    onFinished.run();
                    onFailure.accept(e);
                });
                return;
            }
            report(inline, () -> {
                onFinished.run();
                onSuccess.accept(result);
            });
        });
    }

    private static void report(boolean inline, Runnable action) {
        if (inline || Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
