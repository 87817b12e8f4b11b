package io.salesdesk.app.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A small in-window event bus: pages publish what should happen ("open this customer") and the
 * window and other pages subscribe, so views never hold references to each other.
 */
public final class EventBus {

    private record Subscription<T>(Class<T> type, Consumer<? super T> handler) {
        void deliver(Object event) {
            if (type.isInstance(event)) {
                handler.accept(type.cast(event));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    public <T> void subscribe(Class<T> type, Consumer<? super T> handler) {
        subscriptions.add(new Subscription<>(type, handler));
    }

    /**
     * Delivers the event to every subscriber in the order they subscribed, including one that a
     * handler subscribes while the event is delivered (a page the window makes on demand).
     */
    public void publish(Object event) {
        for (int i = 0; i < subscriptions.size(); i++) {
            subscriptions.get(i).deliver(event);
        }
    }
}
