package io.salesdesk.app.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where requests for the window arrive, from a second start of SalesDesk (through
 * {@link InstanceServer}) or from macOS's open-file event ({@link MacOpenFiles}). Both can come
 * before the window exists (macOS sends the file of a double-click just after the start), so they
 * wait here until the window takes them.
 */
public final class WindowRequests {

    private static final WindowRequests APP = new WindowRequests();

    private final List<WindowRequest> waiting = new ArrayList<>();
    private Consumer<WindowRequest> receiver;
    private Executor thread;

    /** Requests for a window of one's own (tests); the app's are {@link #app()}. */
    public WindowRequests() {
    }

    /** The requests of this process's window. */
    public static WindowRequests app() {
        return APP;
    }

    /** Passes {@code request} to the window, or keeps it until there is one. Any thread. */
    public synchronized void send(WindowRequest request) {
        Objects.requireNonNull(request, "request");
        if (receiver == null) {
            waiting.add(request);
            return;
        }
        Consumer<WindowRequest> to = receiver;
        thread.execute(() -> to.accept(request));
    }

    /**
     * From now on requests go to {@code receiver}, run by {@code thread} (the FX thread); those that
     * came before go first, in order.
     */
    public synchronized void receiveWith(Executor thread, Consumer<WindowRequest> receiver) {
        this.thread = Objects.requireNonNull(thread, "thread");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        List<WindowRequest> earlier = List.copyOf(waiting);
        waiting.clear();
        earlier.forEach(request -> thread.execute(() -> receiver.accept(request)));
    }
}
