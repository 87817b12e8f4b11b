package io.salesdesk.crm;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Which owners' records a user may see: a REP their own, a MANAGER everyone's in their org
 * subtree, ADMIN and the company-wide roles everything. Applied inside every repository query,
 * so no screen can show more than the rule allows.
 */
public final class Visibility {

    private Visibility() {
    }

    /** A condition on an owner-id column that admits only the rows {@code viewer} may see. */
    public static Condition ownedBy(Field<UUID> ownerColumn, Actor viewer) {
        if (viewer.role().seesEverything()) {
            return DSL.trueCondition();
        }
        if (viewer.role() == Role.MANAGER) {
            return ownerColumn.in(DSL.select(APP_USER.ID).from(APP_USER)
                    .join(ORG_UNIT).on(ORG_UNIT.ID.eq(APP_USER.ORG_UNIT_ID))
                    .where(ORG_UNIT.PATH.startsWith(viewer.orgPath())));
        }
        return ownerColumn.eq(viewer.userId());
    }
}
