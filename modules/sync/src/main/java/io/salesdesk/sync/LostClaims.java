package io.salesdesk.sync;

import io.salesdesk.crm.UserRepository;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * On a replica, after a push: the pool claims (公海认领) of the page that the hub did not keep,
 * because another claim reached it first or the claimant was past the daily limit. The claimant
 * (and whoever assigned a lead, if someone else) is told in their inbox; the record itself already
 * shows the hub's owner, from the push's answer.
 */
final class LostClaims {

    /** The inbox kind of the notice. */
    static final String KIND = "sync.claimLost";

    private LostClaims() {
    }

    /**
     * The page's claims the hub's rows show were not kept. Only a row's last owner change in the
     * page counts: a claim released again in the same page was not lost.
     */
    static List<TravelChange> of(List<TravelChange> page, List<RowState> hubRows) {
        Map<UUID, RowState> byId = new HashMap<>();
        hubRows.forEach(r -> byId.put(r.id(), r));
        List<TravelChange> lost = new ArrayList<>();
        Set<UUID> ownerSeen = new java.util.HashSet<>();
        for (int i = page.size() - 1; i >= 0; i--) {
            TravelChange change = page.get(i);
            if (!change.changes().containsKey("ownerId") || !ownerSeen.add(change.entityId())) {
                continue;
            }
            RowState hub = byId.get(change.entityId());
            if (PoolClaims.isClaim(change) && hub != null
                    && !change.changes().get("ownerId").newValue().equals(hub.get("ownerId"))) {
                lost.add(0, change);
            }
        }
        return lost;
    }

    /** Writes a notice for each lost claim, in the caller's transaction (the page's). */
    static void tell(Configuration cfg, Clock clock, List<TravelChange> lost, List<RowState> hubRows) {
        if (lost.isEmpty()) {
            return;
        }
        ResourceBundle texts = ResourceBundle.getBundle("io.salesdesk.sync.notices", Locale.getDefault());
        Map<UUID, RowState> byId = new HashMap<>();
        hubRows.forEach(r -> byId.put(r.id(), r));
        UserRepository users = UserRepository.using(cfg, clock);
        NotificationRepository inbox = NotificationRepository.using(cfg, clock);
        for (TravelChange claim : lost) {
            RowState hub = byId.get(claim.entityId());
            String what = texts.getString("entity." + claim.entity().table()) + "“" + hub.get("name") + "”";
            String winner = hub.get("ownerId");
            String body;
            if (winner == null) {
                body = format(texts, "claimLost.limit", what);
            } else {
                String name = users.byId(UUID.fromString(winner)).map(u -> u.displayName())
                        .orElse(texts.getString("someoneElse"));
                body = format(texts, "claimLost.taken", what, name);
            }
            Set<UUID> told = new LinkedHashSet<>();
            told.add(UUID.fromString(claim.changes().get("ownerId").newValue()));
            if (claim.changedBy() != null) {
                told.add(claim.changedBy());
            }
            inbox.send(told, KIND, format(texts, "claimLost.title", hub.get("name")), body, claim.entity().table(),
                    claim.entityId());
        }
    }

    private static String format(ResourceBundle texts, String key, Object... args) {
        return new MessageFormat(texts.getString(key), Locale.getDefault()).format(args);
    }
}
