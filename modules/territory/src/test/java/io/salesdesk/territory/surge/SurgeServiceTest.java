package io.salesdesk.territory.surge;

import static io.salesdesk.db.jooq.Tables.CHANGE_LOG;
import static io.salesdesk.db.jooq.Tables.REP_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.pool.PoolRepository;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.dispatch.RosterRepository;
import io.salesdesk.territory.SurgeOrg;
import io.salesdesk.workflow.notify.Notification;
import io.salesdesk.workflow.notify.NotificationService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Surge scan, suggestion, accept and dismiss on a real HSQLDB. */
class SurgeServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    SurgeOrg org;
    SurgeService surges;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        org = new SurgeOrg(f);
        surges = new SurgeService(db, clock, f.regions, Locale.SIMPLIFIED_CHINESE);
        // Loads: 李娜 0.10, 王强 0.20, 周敏 (华中) 0.40, 陈静 is away.
        org.load(org.liNa, 10);
        org.load(org.wangQiang, 20);
        org.load(org.zhouMin, 40);
        // Lent reps absorb 20 inquiries a week each, so 华东's excess calls for two of them.
        db.transaction(cfg -> new SurgeSettings(WindowMode.ROLLING, 7, 4, 300, 20, 20, 3, 7).save(cfg));
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** 华东: 5 inquiries a week for four weeks (most in 浙江), then 40 this week. */
    private void eastChinaSurges() {
        OffsetDateTime now = Rows.now(clock);
        for (int week = 1; week <= 4; week++) {
            org.inquiries("330106", 3, now.minusDays(7L * week + 2));
            org.inquiries("320508", 2, now.minusDays(7L * week + 3));
        }
        org.inquiries("330106", 30, now.minusDays(2));
        org.inquiries("320508", 10, now.minusHours(5));
    }

    @Test
    void aScanRaisesTheSurgeWithTheLeastLoadedRepsOfOtherRegionsAndTellsTheSupervisor() {
        eastChinaSurges();

        List<SurgeAlert> raised = surges.scan(clock.instant());

        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("EAST");
            assertThat(a.recent()).isEqualTo(40);
            assertThat(a.baseline()).isEqualTo(5.0);
            assertThat(a.ratio()).isEqualTo(8.0);
            assertThat(a.notifiedUserId()).isEqualTo(f.zjManager.id());
            assertThat(a.suggestion().reps()).extracting(LendSuggestion.LentRep::name).containsExactly("李娜", "王强");
            assertThat(a.suggestionText())
                    .isEqualTo("临时抽调华南 2 名负荷最低的销售：李娜 (0.10)、王强 (0.20)，并开放其华东公海访问 7 天");
            assertThat(a.headline()).isEqualTo("华东询盘激增：近 7 天 40 条，是平时（5.0 条）的 8.0 倍");
        });
        List<Notification> inbox = new NotificationService(db, clock).inbox(f.zjManager.asActor());
        assertThat(inbox).extracting(Notification::title).containsExactly(raised.get(0).headline());
        assertThat(inbox.get(0).body()).isEqualTo(raised.get(0).suggestionText());
    }

    @Test
    void repsOfOtherMacroRegionsAreMixedByLoadAndTheSentenceNamesBoth() {
        eastChinaSurges();
        org.load(org.wangQiang, 30);

        SurgeAlert alert = surges.scan(clock.instant()).get(0);

        assertThat(alert.suggestionText()).startsWith("临时抽调华南、华中 2 名负荷最低的销售：李娜 (0.10)、周敏 (0.40)");
    }

    @Test
    void theScanIsIdempotentOneOpenAlertPerKey() {
        eastChinaSurges();
        surges.scan(clock.instant());
        clock.advance(Duration.ofMinutes(15));

        assertThat(surges.scan(clock.instant())).isEmpty();
        assertThat(surges.openAlerts(org.gm.asActor())).hasSize(1);
        assertThat(new NotificationService(db, clock).inbox(f.zjManager.asActor())).hasSize(1);
    }

    @Test
    void inquiriesArrivingBetweenScansCountInTheNextScan() {
        OffsetDateTime now = Rows.now(clock);
        for (int week = 1; week <= 4; week++) {
            org.inquiries("330106", 5, now.minusDays(7L * week + 2));
        }
        org.inquiries("330106", 15, now.minusDays(1));
        assertThat(surges.scan(clock.instant())).isEmpty();

        clock.advance(Duration.ofMinutes(15));
        org.inquiries("330106", 6, Rows.now(clock).minusMinutes(12));
        org.inquiries("330106", 4, Rows.now(clock).minusMinutes(1));
        List<SurgeAlert> raised = surges.scan(clock.instant());

        assertThat(raised).extracting(SurgeAlert::recent).containsExactly(25);
        clock.advance(Duration.ofMinutes(15));
        Surge again = new SurgeDetector(SurgeSettings.DEFAULTS).detect(db.transactionResult(cfg -> SurgeRepository
                .using(cfg, clock).countsByProvince(SurgeWindows.at(clock.instant(), SurgeSettings.DEFAULTS))), true)
                .get(0);
        assertThat(again.recent()).isEqualTo(25);
    }

    @Test
    void scanIfDueWaitsAQuarterOfAnHourBetweenScans() {
        eastChinaSurges();
        assertThat(surges.scanIfDue()).hasSize(1);
        surges.dismiss(surges.openAlerts(org.gm.asActor()).get(0).id(), org.gm.asActor());

        clock.advance(Duration.ofMinutes(5));
        assertThat(surges.scanIfDue()).isEmpty();
    }

    @Test
    void noSurgeNoAlert() {
        OffsetDateTime now = Rows.now(clock);
        for (int week = 0; week <= 4; week++) {
            org.inquiries("330106", 25, now.minusDays(7L * week + 1));
        }

        assertThat(surges.scan(clock.instant())).isEmpty();
    }

    @Test
    void acceptingLendsTheRepsWithAnExpiryWritesHistoryAndTellsThem() {
        eastChinaSurges();
        SurgeAlert alert = surges.scan(clock.instant()).get(0);

        SurgeAlert accepted = surges.accept(alert.id(), f.zjManager.asActor());

        assertThat(accepted.status()).isEqualTo(SurgeStatus.ACCEPTED);
        assertThat(accepted.decidedBy()).isEqualTo(f.zjManager.id());
        assertThat(surges.activeGrants(org.liNa.id())).containsOnlyKeys("310000", "320000", "330000", "340000",
                "350000", "360000", "370000");
        assertThat(surges.activeGrants(org.liNa.id()).get("330000").toInstant())
                .isEqualTo(Rows.now(clock).plusDays(7).toInstant());
        assertThat(surges.activeGrants(org.zhouMin.id())).isEmpty();
        // Dispatch now counts 浙江 among 李娜's regions, until the grant runs out.
        assertThat(effectiveRegions(org.liNa.id())).contains("330000");
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(effectiveRegions(org.liNa.id())).doesNotContain("330000");
        assertThat(surges.activeGrants(org.liNa.id())).isEmpty();

        List<ChangeEntry> history = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(alert.id()));
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.changes().get("status").newValue()).isEqualTo("ACCEPTED");
            assertThat(e.changedByName()).isEqualTo("陈东");
        });
        long grants = db.transactionResult(cfg -> DSL.using(cfg).fetchCount(
                CHANGE_LOG,
                CHANGE_LOG.ENTITY.eq(SurgeRepository.GRANT_ENTITY)));
        assertThat(grants).isEqualTo(14);
        assertThat(new NotificationService(db, clock).inbox(org.liNa.asActor()))
                .extracting(Notification::title).containsExactly("你已被临时抽调支援华东");
        assertThat(surges.openAlerts(org.gm.asActor())).isEmpty();
    }

    @Test
    void aManagerSeesTheGrantsInForceAndRevokesOneEarly() {
        eastChinaSurges();
        SurgeAlert alert = surges.scan(clock.instant()).get(0);
        surges.accept(alert.id(), f.zjManager.asActor());
        clock.advance(Duration.ofHours(1));

        List<PoolGrant> grants = surges.grantsInForce(f.zjManager.asActor());
        assertThat(grants).hasSize(14).allSatisfy(g -> assertThat(g.surgeId()).isEqualTo(alert.id()));
        assertThat(surges.grantsInForce(org.gm.asActor())).hasSize(14);
        assertThat(surges.grantsInForce(org.southManager.asActor())).isEmpty();
        PoolGrant zhejiang = grants.stream()
                .filter(g -> g.userId().equals(org.liNa.id()) && g.regionCode().equals("330000")).findFirst()
                .orElseThrow();
        assertThat(zhejiang.userName()).isEqualTo("李娜");
        assertThat(zhejiang.regionName()).isEqualTo("浙江省");

        surges.revoke(zhejiang.id(), f.zjManager.asActor());

        assertThat(surges.grantsInForce(f.zjManager.asActor())).hasSize(13).extracting(PoolGrant::id)
                .doesNotContain(zhejiang.id());
        assertThat(surges.activeGrants(org.liNa.id())).doesNotContainKey("330000").containsKey("320000");
        assertThat(effectiveRegions(org.liNa.id())).doesNotContain("330000").contains("320000");
        assertThat(poolPrefixes(org.liNa.id())).doesNotContain("33").contains("32");
        List<ChangeEntry> history = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(zhejiang.id()));
        assertThat(history).hasSize(2).last().satisfies(e -> {
            assertThat(e.changes()).containsKey("revokedAt");
            assertThat(e.changedByName()).isEqualTo("陈东");
        });
        assertThat(new NotificationService(db, clock).inbox(org.liNa.asActor())).extracting(Notification::title)
                .contains("你对浙江省公海的临时访问已收回");
        assertThatThrownBy(() -> surges.revoke(zhejiang.id(), f.zjManager.asActor()))
                .hasMessageContaining("surge.grant.ended");
    }

    @Test
    void onlyWhoGrantedTheSupervisorTheGmOrAnAdminMayRevoke() {
        eastChinaSurges();
        surges.accept(surges.scan(clock.instant()).get(0).id(), f.zjManager.asActor());
        PoolGrant grant = surges.grantsInForce(org.gm.asActor()).get(0);

        assertThatThrownBy(() -> surges.revoke(grant.id(), org.southManager.asActor()))
                .hasMessageContaining("surge.notAllowed");
        assertThatThrownBy(() -> surges.revoke(grant.id(), org.liNa.asActor()))
                .hasMessageContaining("surge.notAllowed");
        surges.revoke(grant.id(), org.gm.asActor());
        assertThat(surges.grantsInForce(org.gm.asActor())).hasSize(13);
    }

    @Test
    void anExpiredGrantIsNoLongerListedNorRevocable() {
        eastChinaSurges();
        surges.accept(surges.scan(clock.instant()).get(0).id(), f.zjManager.asActor());
        PoolGrant grant = surges.grantsInForce(org.gm.asActor()).get(0);

        clock.advance(Duration.ofDays(7).plusSeconds(1));

        assertThat(surges.grantsInForce(org.gm.asActor())).isEmpty();
        assertThat(poolPrefixes(org.liNa.id())).isEmpty();
        assertThatThrownBy(() -> surges.revoke(grant.id(), org.gm.asActor())).hasMessageContaining("surge.grant.ended");
    }

    private List<String> poolPrefixes(UUID rep) {
        return db.transactionResult(cfg -> PoolRepository.using(cfg, clock).grantedRegionPrefixes(rep,
                Rows.now(clock)));
    }

    private List<String> effectiveRegions(UUID rep) {
        return db.transactionResult(cfg -> RosterRepository.using(cfg).effectiveRegions(Rows.now(clock))
                .getOrDefault(rep, List.of()));
    }

    @Test
    void onlyTheSupervisorTheGmOrAnAdminMayDecide() {
        eastChinaSurges();
        SurgeAlert alert = surges.scan(clock.instant()).get(0);

        assertThatThrownBy(() -> surges.accept(alert.id(), f.wang.asActor()))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("surge.notAllowed");
        assertThatThrownBy(() -> surges.accept(alert.id(), f.jsManager.asActor()))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("surge.notAllowed");
        assertThat(surges.openAlerts(f.jsManager.asActor())).isEmpty();
        assertThat(surges.openAlerts(f.zjManager.asActor())).hasSize(1);

        surges.accept(alert.id(), org.gm.asActor());
        assertThatThrownBy(() -> surges.dismiss(alert.id(), f.zjManager.asActor()))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("surge.alert.decided");
    }

    @Test
    void aDismissedSurgeStaysQuietForAWindowThenMayBeRaisedAgain() {
        eastChinaSurges();
        SurgeAlert alert = surges.scan(clock.instant()).get(0);
        surges.dismiss(alert.id(), f.zjManager.asActor());

        clock.advance(Duration.ofDays(1));
        assertThat(surges.scan(clock.instant())).isEmpty();
        clock.advance(Duration.ofDays(6).plusHours(1));
        org.inquiries("330106", 60, Rows.now(clock).minusHours(1));
        assertThat(surges.scan(clock.instant())).extracting(SurgeAlert::key).containsExactly("EAST");
    }

    @Test
    void anUnansweredAlertExpiresAfterAWindow() {
        eastChinaSurges();
        SurgeAlert alert = surges.scan(clock.instant()).get(0);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        surges.scan(clock.instant());

        assertThatThrownBy(() -> surges.accept(alert.id(), f.zjManager.asActor()))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("surge.alert.decided");
    }

    @Test
    void withNobodyToLendTheSuggestionSaysSo() {
        eastChinaSurges();
        db.transaction(cfg -> DSL.using(cfg).update(REP_PROFILE)
                .set(REP_PROFILE.AWAY_FROM, BusinessTime.today(clock).minusDays(1))
                .execute());

        SurgeAlert alert = surges.scan(clock.instant()).get(0);

        assertThat(alert.suggestion().reps()).isEmpty();
        assertThat(alert.suggestionText()).contains("无人可抽调");
    }
}
