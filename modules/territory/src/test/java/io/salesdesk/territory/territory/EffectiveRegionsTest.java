package io.salesdesk.territory.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.crm.pool.PoolCustomer;
import io.salesdesk.crm.pool.PoolService;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.dispatch.DispatchResult;
import io.salesdesk.dispatch.DispatchService;
import io.salesdesk.territory.surge.SurgeRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rep's effective regions on a real HSQLDB: dispatch and the public pool count the territories
 * their team or they own and the pool access grants in force, and stop counting a grant when it expires.
 */
class EffectiveRegionsTest {

    private static final String NINGBO = "330203";
    private static final String GUSU = "320508";

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    TerritoryService territories;
    DispatchService dispatch;
    PoolService pool;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dataDir);
        f = new SalesOrgFixture(db, clock);
        territories = new TerritoryService(db, clock, f.regions);
        LeadService leads = new LeadService(db, clock, f.regions, f.customers);
        dispatch = new DispatchService(db, clock, f.regions, leads, Locale.SIMPLIFIED_CHINESE);
        pool = new PoolService(db, clock, f.regions, f.customers);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private DispatchResult leadIn(String region) {
        return dispatch.capture(f.admin.asActor(), new LeadDraft("宁波第一医院", "王主任", null, null, region, "HOSPITAL",
                Tier.B, "官网表单", null), ChangeReason.user());
    }

    private void grant(UUID userId, String region, Duration lasting) {
        OffsetDateTime now = Rows.now(clock);
        db.transaction(cfg -> SurgeRepository.using(cfg, clock).grant(userId, region, now, now.plus(lasting), "测试",
                f.admin.id(), null));
    }

    @Test
    void aLeadNobodyCoversIsFlaggedOutOfTerritory() {
        assertThat(leadIn(NINGBO).assignment().flag()).isEqualTo(Lead.AssignmentFlag.OUT_OF_TERRITORY);
    }

    @Test
    void dispatchGivesALeadToTheRepWhoseTeamOwnsTheTerritory() {
        // 宁波 belongs to 江苏大区's territory: 张三 sits in that unit.
        Territory t = territories.create(f.admin.asActor(), "江苏代管宁波", TerritoryOwner.team(f.jsManager.orgUnitId()),
                "#4C78A8");
        territories.addRegions(f.admin.asActor(), t.id(), t.version(), List.of("330200"));

        DispatchResult result = leadIn(NINGBO);

        assertThat(result.assignment().repId()).isEqualTo(f.zhang.id());
        assertThat(result.assignment().flag()).isNull();
    }

    @Test
    void dispatchGivesALeadToTheRepWhoOwnsTheTerritory() {
        Territory t = territories.create(f.admin.asActor(), "王一的宁波", TerritoryOwner.rep(f.wang.id()), "#4C78A8");
        territories.addRegions(f.admin.asActor(), t.id(), t.version(), List.of("330203"));

        assertThat(leadIn(NINGBO).assignment().repId()).isEqualTo(f.wang.id());
    }

    @Test
    void anActiveGrantCountsForDispatchAndAnExpiredOneDoesNot() {
        grant(f.zhang.id(), "330000", Duration.ofDays(7));

        DispatchResult during = leadIn(NINGBO);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        DispatchResult after = leadIn(NINGBO);

        assertThat(during.assignment().repId()).isEqualTo(f.zhang.id());
        assertThat(during.assignment().flag()).isNull();
        assertThat(after.assignment().flag()).isEqualTo(Lead.AssignmentFlag.OUT_OF_TERRITORY);
    }

    @Test
    void aGrantOpensAnotherRegionsPoolUntilItExpires() {
        UUID suzhou = f.customer(null, "苏州姑苏医院", Tier.B, GUSU, null);
        assertThat(pool.pool(f.wang.asActor(), null)).extracting(PoolCustomer::id).doesNotContain(suzhou);

        grant(f.wang.id(), "320000", Duration.ofDays(7));

        assertThat(pool.pool(f.wang.asActor(), null)).extracting(PoolCustomer::id).contains(suzhou);
        assertThat(pool.poolSize(f.wang.asActor())).isEqualTo(1);
        clock.advance(Duration.ofDays(8));
        assertThat(pool.pool(f.wang.asActor(), null)).extracting(PoolCustomer::id).doesNotContain(suzhou);
        assertThatThrownBy(() -> pool.claim(f.wang.asActor(), suzhou)).isInstanceOf(SalesDeskException.class)
                .hasMessageContaining("pool.claim.otherRegion");
    }

    @Test
    void aRepWithAGrantClaimsFromTheGrantedPool() {
        UUID suzhou = f.customer(null, "苏州姑苏医院", Tier.B, GUSU, null);
        grant(f.wang.id(), "320000", Duration.ofDays(7));

        pool.claim(f.wang.asActor(), suzhou);

        assertThat(f.ownerOf(suzhou)).isEqualTo(f.wang.id());
    }
}
