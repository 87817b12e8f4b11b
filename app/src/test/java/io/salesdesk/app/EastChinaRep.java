package io.salesdesk.app;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.Database;
import java.time.Clock;
import java.util.UUID;

/**
 * The smallest organisation a head office needs for a branch replica: a company, its region
 * 华东大区, and one rep there (王一, login wang).
 */
public final class EastChinaRep {

    private EastChinaRep() {
    }

    /** Adds the company, the region and the rep to an empty database; returns the rep. */
    public static User addTo(Database db, Clock clock) {
        return db.transactionResult(cfg -> {
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "test");
            UUID companyId = Ids.newId(clock);
            OrgUnit company = new OrgUnit(companyId, null, "测试公司", OrgUnit.Kind.COMPANY, OrgUnit.rootPath(companyId),
                    null);
            OrgUnitRepository.using(cfg, clock).insert(null, reason, company);
            UUID eastId = Ids.newId(clock);
            OrgUnit east = new OrgUnit(eastId, companyId, "华东大区", OrgUnit.Kind.REGION, company.childPath(eastId),
                    null);
            OrgUnitRepository.using(cfg, clock).insert(null, reason, east);
            User rep = new User(Ids.newId(clock), "wang", "王一", Role.REP, eastId, east.name(), east.path(), null);
            UserRepository.using(cfg, clock).insert(null, reason, rep, null, null);
            return rep;
        });
    }
}
