package io.salesdesk.commerce.freeze;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.CommerceSettings;
import io.salesdesk.commerce.Managers;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Order freezes (订单冻结): when a stock check finds a shortage, same-category orders of that customer
 * are held for {@code commerce.freezeHours} hours (72 by default) so nobody sells what is not there.
 * A freeze ends by itself at its end time (the injected clock decides) or when a manager lifts it
 * with a reason. Quotes ask {@link #requireNotFrozen} before they are created or sent.
 */
public final class OrderFreezeService {

    public static final int LIST_LIMIT = 2000;
    static final int REASON_MAX = 500;

    private final Database db;
    private final Clock clock;

    public OrderFreezeService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Holds the customer's orders in each category from now for the configured hours, in the
     * caller's transaction. A category already frozen keeps its freeze (a second shortage does not
     * prolong it). Returns the freezes created.
     */
    public List<OrderFreeze> hold(Configuration cfg, Actor actor, UUID customerId, UUID opportunityId,
                                  Collection<String> categories, String reason) {
        OffsetDateTime now = Rows.now(clock);
        int hours = CommerceSettings.freezeHours(cfg);
        List<OrderFreeze> created = new ArrayList<>();
        if (hours == 0) {
            return created;
        }
        OrderFreezeRepository freezes = OrderFreezeRepository.using(cfg, clock);
        for (String category : new LinkedHashSet<>(categories)) {
            if (!freezes.active(customerId, List.of(category), now).isEmpty()) {
                continue;
            }
            OrderFreeze f = new OrderFreeze(Ids.newId(clock), customerId, category, opportunityId,
                    shorten(reason), now, now.plusHours(hours), null, null, null);
            freezes.insert(actor, ChangeReason.of(ChangeReason.Kind.RULE, "stock shortage"), f);
            created.add(f);
        }
        return created;
    }

    /** The customer's freezes holding now, ending first first (the banner on the customer and its deals). */
    public List<OrderFreeze> active(UUID customerId) {
        return db.transactionResult(cfg -> OrderFreezeRepository.using(cfg, clock).active(customerId, null,
                Rows.now(clock)));
    }

    /** Every freeze holding now, ending first first. */
    public List<OrderFreeze> allActive() {
        return db.transactionResult(cfg -> OrderFreezeRepository.using(cfg, clock).allActive(Rows.now(clock),
                LIST_LIMIT));
    }

    /** The freeze holding the customer's orders of {@code category} now, if any. */
    public Optional<OrderFreeze> activeFor(UUID customerId, String category) {
        return db.transactionResult(cfg -> activeFor(cfg, customerId, List.of(category)));
    }

    /** Whether the customer's orders of {@code category} are frozen now. */
    public boolean isFrozen(UUID customerId, String category) {
        return activeFor(customerId, category).isPresent();
    }

    /** The first freeze holding any of the categories for the customer now, in the caller's transaction. */
    public Optional<OrderFreeze> activeFor(Configuration cfg, UUID customerId, Collection<String> categories) {
        if (categories.isEmpty()) {
            return Optional.empty();
        }
        return OrderFreezeRepository.using(cfg, clock).active(customerId, categories, Rows.now(clock)).stream()
                .findFirst();
    }

    /**
     * Refuses an order of the customer with a line in a frozen category.
     *
     * @throws OrderFrozenException naming the freeze and its end
     */
    public void requireNotFrozen(Configuration cfg, UUID customerId, Collection<String> categories) {
        Optional<OrderFreeze> freeze = activeFor(cfg, customerId, categories);
        if (freeze.isPresent()) {
            throw new OrderFrozenException(freeze.get());
        }
    }

    /**
     * Lifts a freeze early: managers (and company-wide roles) only, with a reason.
     *
     * @throws ValidationException for a blank reason
     * @throws CommerceException   {@code freeze.lift.notAllowed} for anyone else,
     *                             {@code freeze.lift.notActive} if it was lifted or had ended
     */
    public OrderFreeze lift(Actor actor, UUID freezeId, String reason) {
        String why = Rows.blankToNull(reason);
        if (why == null) {
            throw new ValidationException(List.of(FieldProblem.of("reason", "freeze.lift.reasonRequired")));
        }
        if (!Managers.isManager(actor)) {
            throw new CommerceException("freeze.lift.notAllowed");
        }
        return db.transactionResult(cfg -> {
            OrderFreezeRepository freezes = OrderFreezeRepository.using(cfg, clock);
            if (!freezes.lift(actor, ChangeReason.user(), freezeId, shorten(why), Rows.now(clock))) {
                throw new CommerceException("freeze.lift.notActive");
            }
            return freezes.find(freezeId).orElseThrow();
        });
    }

    /** How many hours a shortage freezes orders. */
    public int freezeHours() {
        return db.transactionResult(CommerceSettings::freezeHours);
    }

    /** Sets the freeze hours (0 turns freezing off); company-wide roles (admin, GM, ops …) only. */
    public void setFreezeHours(Actor actor, int hours) {
        if (!actor.role().seesEverything()) {
            throw new CommerceException("settings.notAllowed");
        }
        if (hours < 0 || hours > 24 * 90) {
            throw new ValidationException(List.of(FieldProblem.of("freezeHours", "freeze.hours.invalid", hours)));
        }
        db.transaction(cfg -> CommerceSettings.put(cfg, CommerceSettings.FREEZE_HOURS, Integer.toString(hours)));
    }

    private static String shorten(String s) {
        return s == null || s.length() <= REASON_MAX ? s : s.substring(0, REASON_MAX - 1) + "…";
    }
}
