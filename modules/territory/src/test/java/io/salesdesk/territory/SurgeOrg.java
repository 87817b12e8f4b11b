package io.salesdesk.territory;

import static io.salesdesk.db.jooq.Tables.REP_PROFILE;

import io.salesdesk.core.BoardRank;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.crm.OrgUnit;
import io.salesdesk.crm.OrgUnitRepository;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadRepository;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.db.Rows;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;

/**
 * The crm test org (浙江 and 江苏, both 华东) plus a 华南大区 (440000) under the company with three
 * reps: 李娜 (capacity 100), 王强 (100) and 陈静 (100, on leave), a 华中 rep 周敏 in 湖北 (capacity
 * 100), and a GM. Open leads set their load indexes.
 */
public final class SurgeOrg {

    public final SalesOrgFixture f;
    public OrgUnit south;
    public User gm;
    public User southManager;
    public User liNa;
    public User wangQiang;
    public User chenJing;
    public User zhouMin;
    private String rank = BoardRank.first();

    public SurgeOrg(SalesOrgFixture f) {
        this.f = f;
        f.db.transaction(cfg -> {
            OrgUnitRepository units = OrgUnitRepository.using(cfg, f.clock);
            UserRepository users = UserRepository.using(cfg, f.clock);
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture");
            OrgUnit company = units.all().stream().filter(u -> u.parentId() == null).findFirst().orElseThrow();
            gm = user(users, reason, "gm", "总经理", Role.GM, company);
            south = unit(units, reason, company, "华南大区", "440000");
            OrgUnit central = unit(units, reason, company, "华中大区", "420000");
            southManager = user(users, reason, "huang", "黄伟", Role.MANAGER, south);
            liNa = user(users, reason, "lina", "李娜", Role.REP, south);
            wangQiang = user(users, reason, "wangq", "王强", Role.REP, south);
            chenJing = user(users, reason, "chenj", "陈静", Role.REP, south);
            zhouMin = user(users, reason, "zhou", "周敏", Role.REP, central);
            var dsl = DSL.using(cfg);
            var today = OffsetDateTime.now(f.clock).toLocalDate();
            for (User rep : List.of(liNa, wangQiang, chenJing, zhouMin)) {
                boolean away = rep == chenJing;
                dsl.insertInto(REP_PROFILE).set(REP_PROFILE.USER_ID, rep.id()).set(REP_PROFILE.MONTHLY_CAPACITY, 100)
                        .set(REP_PROFILE.AWAY_FROM, away ? today.minusDays(1) : null)
                        .set(REP_PROFILE.AWAY_UNTIL, away ? today.plusDays(10) : null).execute();
            }
        });
    }

    /** {@code count} open leads owned by the rep, created long before any surge window. */
    public void load(User rep, int count) {
        OffsetDateTime old = Rows.now(f.clock).minusDays(90);
        List<LeadRepository.NewLead> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leads.add(lead("440106", LeadStatus.CONTACTED, rep.id(), old));
        }
        insert(leads);
    }

    /** {@code count} new leads in the region created at {@code at}. */
    public void inquiries(String regionCode, int count, OffsetDateTime at) {
        List<LeadRepository.NewLead> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leads.add(lead(regionCode, LeadStatus.DISQUALIFIED, null, at));
        }
        insert(leads);
    }

    private LeadRepository.NewLead lead(String region, LeadStatus status, UUID owner, OffsetDateTime at) {
        rank = BoardRank.between(null, rank);
        return new LeadRepository.NewLead(Ids.newId(f.clock), new LeadDraft("询盘 " + rank, null, null, null, region,
                "HOSPITAL", null, "官网表单", null), status, owner, owner == null ? null : at, null, null, rank, at);
    }

    private void insert(List<LeadRepository.NewLead> leads) {
        f.db.transaction(cfg -> LeadRepository.using(cfg, f.clock).insertAll(null,
                ChangeReason.of(ChangeReason.Kind.SYSTEM, "fixture"), leads));
    }

    private OrgUnit unit(OrgUnitRepository units, ChangeReason reason, OrgUnit parent, String name, String region) {
        UUID id = Ids.newId(f.clock);
        OrgUnit unit = new OrgUnit(id, parent.id(), name, OrgUnit.Kind.REGION, parent.childPath(id), region);
        units.insert(null, reason, unit);
        return unit;
    }

    private User user(UserRepository users, ChangeReason reason, String username, String name, Role role, OrgUnit unit) {
        User user = new User(Ids.newId(f.clock), username, name, role, unit.id(), unit.name(), unit.path(), null);
        users.insert(null, reason, user, null, null);
        return user;
    }
}
