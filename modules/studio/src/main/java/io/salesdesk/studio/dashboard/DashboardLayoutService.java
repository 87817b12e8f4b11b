package io.salesdesk.studio.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.Database;
import io.salesdesk.studio.field.CustomFieldService;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Dashboard layouts: each user may arrange the overview for themself; a manager may set the team's
 * default, which everyone without a layout of their own sees; without either, the built-in layout
 * given by the caller (every widget the app knows).
 */
public final class DashboardLayoutService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_WIDGETS = 40;

    private final Database db;
    private final Clock clock;

    public DashboardLayoutService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The layout the user sees: their own, else the team's, else {@code builtIn}; widgets the app no
     * longer has (not in {@code known}) are dropped.
     */
    public DashboardLayout layoutFor(Actor actor, List<String> builtIn, Set<String> known) {
        return db.transactionResult(cfg -> {
            DashboardLayoutRepository layouts = DashboardLayoutRepository.using(cfg, clock);
            return layouts.widgets(actor.userId())
                    .map(own -> new DashboardLayout(kept(read(own), known), DashboardLayout.Source.OWN))
                    .or(() -> layouts.widgets(null)
                            .map(team -> new DashboardLayout(kept(read(team), known), DashboardLayout.Source.TEAM)))
                    .orElse(new DashboardLayout(builtIn, DashboardLayout.Source.BUILT_IN));
        });
    }

    /** The team's default layout as saved (widgets in order), if a manager saved one. */
    public java.util.Optional<List<String>> teamDefault() {
        return db.transactionResult(cfg -> DashboardLayoutRepository.using(cfg, clock).widgets(null)
                .map(DashboardLayoutService::read));
    }

    /** Saves the user's own layout. */
    public void saveOwn(Actor actor, List<String> widgets) {
        save(actor, actor.userId(), widgets);
    }

    /**
     * Saves the team's default layout, seen by everyone without a layout of their own.
     *
     * @throws SalesDeskException {@code studio.notAllowed} unless a manager or administrator
     */
    public void saveTeamDefault(Actor actor, List<String> widgets) {
        if (!CustomFieldService.mayConfigure(actor)) {
            throw new SalesDeskException("studio.notAllowed");
        }
        save(actor, null, widgets);
    }

    /** Forgets the user's own layout: they see the team's default (or the built-in one) again. */
    public void resetOwn(Actor actor) {
        db.transaction(cfg -> DashboardLayoutRepository.using(cfg, clock).delete(actor.userId()));
    }

    private void save(Actor actor, UUID ownerId, List<String> widgets) {
        Set<String> unique = new LinkedHashSet<>(widgets);
        if (unique.isEmpty() || unique.size() > MAX_WIDGETS || unique.stream().anyMatch(w -> w == null || w.isBlank()
                || w.length() > 60)) {
            throw new ValidationException(List.of(FieldProblem.of("widgets", "studio.dashboard.widgets", MAX_WIDGETS)));
        }
        String json = write(List.copyOf(unique));
        db.transaction(cfg -> DashboardLayoutRepository.using(cfg, clock).save(actor, ownerId, json));
    }

    private static List<String> kept(List<String> widgets, Set<String> known) {
        return widgets.stream().filter(known::contains).toList();
    }

    private static List<String> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dashboard layout is not valid JSON: " + json, e);
        }
    }

    private static String write(List<String> widgets) {
        try {
            return JSON.writeValueAsString(widgets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard layout could not be written as JSON", e);
        }
    }
}
