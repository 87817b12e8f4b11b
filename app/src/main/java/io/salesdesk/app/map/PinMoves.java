package io.salesdesk.app.map;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.LastChange;
import io.salesdesk.core.Role;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.User;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a customer pin dragged on the map as the customer's explicit coordinates, on the version
 * the map showed. Whatever the outcome the map reloads: a saved pin stays where it was dropped, a
 * refused one (someone changed the customer meanwhile) goes back, with a quiet line saying why.
 */
final class PinMoves {

    private static final Logger LOG = LoggerFactory.getLogger(PinMoves.class);

    private final AppContext context;
    private final Consumer<String> say;
    private final Runnable reload;

    /**
     * @param say    shows a short line in the map's status
     * @param reload reads the map's layers afresh
     */
    PinMoves(AppContext context, Consumer<String> say, Runnable reload) {
        this.context = context;
        this.say = say;
        this.reload = reload;
    }

    /** Whether the signed-in user may move this customer's pin: a rep only their own customers'. */
    boolean mayMove(Customer customer) {
        User user = context.currentUser();
        return user.role() != Role.REP || user.id().equals(customer.ownerId());
    }

    /** Saves the pin at the place it was dropped. */
    void save(Customer customer, double longitude, double latitude) {
        var actor = context.currentUser().asActor();
        BigDecimal lon = BigDecimal.valueOf(longitude).setScale(6, RoundingMode.HALF_UP);
        BigDecimal lat = BigDecimal.valueOf(latitude).setScale(6, RoundingMode.HALF_UP);
        BackgroundTask.wrap(() -> context.customerLocations().setLocation(actor, customer.id(), customer.version(),
                        lon, lat))
                .onSuccess(moved -> {
                    say.accept(I18n.get("map.pins.moved", customer.name(), lon.toPlainString(), lat.toPlainString()));
                    reload.run();
                })
                .onFailure(error -> {
                    if (error instanceof StaleRecordException) {
                        sayWhoChanged(customer);
                    } else {
                        LOG.warn("Pin of customer {} could not be moved", customer.id(), error);
                        say.accept(I18n.get("map.pins.failed", customer.name(), I18n.message(error)));
                    }
                    reload.run();
                })
                .executeWith(context.executor());
    }

    /** The pin met someone else's save: the notice says who changed what, from the change log. */
    private void sayWhoChanged(Customer customer) {
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> LastChange.describe(context.customers().history(actor, customer.id()),
                        context.clock().getZone()))
                .onSuccess(what -> say.accept(what.map(w -> I18n.get("map.pins.staleBy", customer.name(), w))
                        .orElse(I18n.get("map.pins.stale", customer.name()))))
                .onFailure(e -> say.accept(I18n.get("map.pins.stale", customer.name())))
                .executeWith(context.executor());
    }
}
