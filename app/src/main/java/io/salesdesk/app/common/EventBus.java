package io.salesdesk.app.common;

import java.util.ArrayList;
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

    public void publish(Object event) {
        for (Subscription<?> subscription : new ArrayList<>(subscriptions)) {
            subscription.deliver(event);
        }
    }
}
