package io.salesdesk.app.map;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.Role;
import io.salesdesk.crm.User;
import io.salesdesk.territory.territory.Territory;
import io.salesdesk.territory.territory.TerritoryOwner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who a territory can be given to, as the owner picker lists them: the teams of the people the
 * viewer sees, then their reps (with their team, since two reps may share a name).
 *
 * @param owner the owner written to the territory
 * @param label how the picker shows it
 */
record TerritoryOwnerChoice(TerritoryOwner owner, String label) {

    /** The teams first, then the reps, from the users the viewer sees. */
    static List<TerritoryOwnerChoice> choices(List<User> visible) {
        Map<UUID, TerritoryOwnerChoice> teams = new LinkedHashMap<>();
        List<TerritoryOwnerChoice> reps = new ArrayList<>();
        for (User u : visible) {
            if (u.role() != Role.REP) {
                continue;
            }
            if (u.orgUnitId() != null) {
                teams.computeIfAbsent(u.orgUnitId(), id -> new TerritoryOwnerChoice(TerritoryOwner.team(id),
                        I18n.get("map.territory.owner.team", u.orgUnitName())));
            }
            reps.add(new TerritoryOwnerChoice(TerritoryOwner.rep(u.id()),
                    I18n.get("map.territory.owner.rep", u.displayName(), u.orgUnitName())));
        }
        List<TerritoryOwnerChoice> all = new ArrayList<>(teams.values());
        all.addAll(reps);
        return all;
    }

    /** The choice for a territory's present owner, which may lie outside what the viewer sees. */
    static TerritoryOwnerChoice of(Territory t) {
        return new TerritoryOwnerChoice(new TerritoryOwner(t.ownerOrgUnitId(), t.ownerUserId()),
                t.ownerName() == null ? "" : t.ownerName());
    }

    boolean sameOwner(TerritoryOwner other) {
        return other != null && Objects.equals(owner.orgUnitId(), other.orgUnitId())
                && Objects.equals(owner.userId(), other.userId());
    }
}
