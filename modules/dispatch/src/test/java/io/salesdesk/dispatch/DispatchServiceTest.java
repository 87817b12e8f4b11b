package io.salesdesk.dispatch;

import static io.salesdesk.db.jooq.Tables.REP_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.DuplicateCustomerException;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.crm.lead.LeadStatus;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.workflow.notify.NotificationService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leads captured, dispatched and worked on a real HSQLDB. */
class DispatchServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    LeadService leads;
    DispatchService dispatch;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        leads = new LeadService(db, clock, f.regions, f.customers);
        dispatch = new DispatchService(db, clock, f.regions, leads, Locale.SIMPLIFIED_CHINESE);
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private DispatchResult capture(String name, String address) {
        return dispatch.capture(f.admin.asActor(), new LeadDraft(name, "周医生", "0571-88881234", address, null,
                "HOSPITAL", Tier.B, "官网表单", null), ChangeReason.user());
    }

    @Test
    void aLeadGoesToARepCoveringItsAddressWithTheReasonWrittenOnIt() {
        DispatchResult result = capture("西湖口腔医院", "浙江省杭州市西湖区文三路 90 号");

        Lead lead = result.lead();
        assertThat(lead.regionCode()).isEqualTo(SalesOrgFixture.XIHU);
        assertThat(lead.status()).isEqualTo(LeadStatus.ASSIGNED);
        assertThat(lead.ownerId()).isIn(f.wang.id(), f.li.id());
        assertThat(lead.assignedAt()).isNotNull();
        assertThat(lead.assignmentReason()).startsWith("分配给" + lead.ownerName() + "：区域匹配 杭州市；负荷指数 0.00");
        assertThat(lead.assignmentFlag()).isNull();
    }

    @Test
    void consecutiveLeadsAlternateBetweenEquallyPlacedReps() {
        Lead first = capture("一号医院", "杭州市西湖区").lead();
        Lead second = capture("二号医院", "杭州市西湖区").lead();
        Lead third = capture("三号医院", "杭州市西湖区").lead();

        assertThat(second.ownerId()).isNotEqualTo(first.ownerId());
        assertThat(third.ownerId()).isEqualTo(first.ownerId());
    }

    @Test
    void aLeadWithoutARegionIsDispatchedByTheFallbackAndFlagged() {
        Lead lead = capture("地址不详的诊所", "文三路 90 号").lead();

        assertThat(lead.regionCode()).isNull();
        assertThat(lead.ownerId()).isNotNull();
        assertThat(lead.assignmentFlag()).isEqualTo(Lead.AssignmentFlag.NO_REGION);
        assertThat(lead.assignmentReason()).contains("线索无区域，按兜底规则分配");
    }

    @Test
    void withEveryoneAwayTheLeadWaitsInThePoolAndTheRegionsManagerIsTold() {
        db.transaction(cfg -> {
            for (var rep : new io.salesdesk.crm.User[] {f.wang, f.li, f.zhang}) {
                DSL.using(cfg).insertInto(REP_PROFILE).set(REP_PROFILE.USER_ID, rep.id())
                        .set(REP_PROFILE.AWAY_FROM, LocalDate.of(2026, 11, 20))
                        .set(REP_PROFILE.AWAY_UNTIL, LocalDate.of(2026, 12, 5)).execute();
            }
        });

        Lead lead = capture("西湖口腔医院", "浙江省杭州市西湖区文三路 90 号").lead();

        assertThat(lead.ownerId()).isNull();
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.assignmentFlag()).isEqualTo(Lead.AssignmentFlag.NO_ELIGIBLE_REP);
        NotificationService inbox = new NotificationService(db, clock);
        assertThat(inbox.inbox(f.zjManager.asActor())).singleElement()
                .satisfies(n -> assertThat(n.title()).contains("西湖口腔医院"));
        assertThat(inbox.inbox(f.jsManager.asActor())).isEmpty();
        // The waiting lead is the Zhejiang manager's to dispatch, not Jiangsu's; the admin sees it too.
        assertThat(leads.find(f.zjManager.asActor(), lead.id())).isPresent();
        assertThat(leads.find(f.jsManager.asActor(), lead.id())).isEmpty();
        assertThat(leads.find(f.admin.asActor(), lead.id())).isPresent();
    }

    @Test
    void aFullRepGetsNothingMore() {
        db.transaction(cfg -> DSL.using(cfg).insertInto(REP_PROFILE).set(REP_PROFILE.USER_ID, f.wang.id())
                .set(REP_PROFILE.MONTHLY_CAPACITY, 1).execute());

        Lead first = capture("一号医院", "杭州市西湖区").lead();
        Lead second = capture("二号医院", "杭州市西湖区").lead();
        Lead third = capture("三号医院", "杭州市西湖区").lead();

        long wangs = java.util.stream.Stream.of(first, second, third).filter(l -> f.wang.id().equals(l.ownerId())).count();
        assertThat(wangs).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
        assertThatThrownBy(() -> dispatch.capture(f.admin.asActor(), new LeadDraft(" ", null, "12", null, "999999",
                null, null, null, null), ChangeReason.user()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageKey())
                        .containsExactlyInAnyOrder("lead.name.required", "lead.phone.invalid", "lead.region.unknown"));
        assertThat(leads.count(f.admin.asActor(), io.salesdesk.crm.lead.LeadFilter.all())).isZero();
    }

    @Test
    void theFirstResponseIsTimedAndConvertingCreatesTheCustomerAndTheDeal() {
        Lead lead = capture("西湖口腔医院", "浙江省杭州市西湖区文三路 90 号").lead();
        var owner = lead.ownerId().equals(f.wang.id()) ? f.wang : f.li;
        var other = owner == f.wang ? f.li : f.wang;
        assertThatThrownBy(() -> leads.markContacted(other.asActor(), lead.id(), lead.version()))
                .isInstanceOf(SalesDeskException.class);

        clock.advance(Duration.ofMinutes(17));
        Lead contacted = leads.markContacted(owner.asActor(), lead.id(), lead.version());
        assertThat(contacted.status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(contacted.responseMinutes()).isEqualTo(17);

        Lead converted = leads.convert(owner.asActor(), lead.id(), contacted.version(),
                new LeadService.Conversion(null, Tier.A, "口腔 CT 采购", new BigDecimal("380000")));
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.customerId()).isNotNull();
        assertThat(converted.opportunityId()).isNotNull();
        assertThat(f.ownerOf(converted.customerId())).isEqualTo(owner.id());

        Lead again = capture("西湖口腔医院", "杭州市西湖区").lead();
        var againOwner = again.ownerId().equals(f.wang.id()) ? f.wang : f.li;
        assertThatThrownBy(() -> leads.convert(againOwner.asActor(), again.id(), again.version(),
                new LeadService.Conversion(null, Tier.B, null, null)))
                .isInstanceOf(DuplicateCustomerException.class);
        assertThat(leads.find(againOwner.asActor(), again.id()).orElseThrow().status()).isEqualTo(LeadStatus.ASSIGNED);
    }

    @Test
    void aManagerOverridesWithAReasonThatReplacesTheExplanation() {
        Lead lead = capture("西湖口腔医院", "浙江省杭州市西湖区文三路 90 号").lead();

        assertThatThrownBy(() -> leads.reassign(f.zjManager.asActor(), lead.id(), lead.version(), f.wang.id(), ""))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> leads.reassign(f.wang.asActor(), lead.id(), lead.version(), f.wang.id(), "我来"))
                .isInstanceOf(SalesDeskException.class);
        Lead moved = leads.reassign(f.zjManager.asActor(), lead.id(), lead.version(), f.wang.id(), "王一认识院长");

        assertThat(moved.ownerId()).isEqualTo(f.wang.id());
        assertThat(moved.assignmentFlag()).isEqualTo(Lead.AssignmentFlag.OVERRIDE);
        assertThat(moved.assignmentReason()).isEqualTo("王一认识院长");
    }

    @Test
    void aBacklogIsRebalancedOnlyWhenTheManagerAcceptsThePlan() {
        db.transaction(cfg -> {
            for (var rep : new io.salesdesk.crm.User[] {f.wang, f.li}) {
                DSL.using(cfg).insertInto(REP_PROFILE).set(REP_PROFILE.USER_ID, rep.id())
                        .set(REP_PROFILE.AWAY_FROM, LocalDate.of(2026, 11, 20))
                        .set(REP_PROFILE.AWAY_UNTIL, LocalDate.of(2026, 11, 27)).execute();
            }
            // 张三 (苏州) is away longer, so the backlog waits for Hangzhou's reps.
            DSL.using(cfg).insertInto(REP_PROFILE).set(REP_PROFILE.USER_ID, f.zhang.id())
                    .set(REP_PROFILE.AWAY_FROM, LocalDate.of(2026, 11, 20))
                    .set(REP_PROFILE.AWAY_UNTIL, LocalDate.of(2026, 12, 20)).execute();
        });
        for (int i = 1; i <= 6; i++) {
            assertThat(capture("杭州" + i + "号医院", "浙江省杭州市西湖区").lead().ownerId()).isNull();
        }
        clock.advance(Duration.ofDays(1)); // back from leave

        var plan = dispatch.proposeRebalance(f.zjManager.asActor(), Duration.ofSeconds(3));

        assertThat(plan.placed()).isEqualTo(6);
        assertThat(leads.count(f.zjManager.asActor(), io.salesdesk.crm.lead.LeadFilter.unassigned()))
                .as("a proposal writes nothing").isEqualTo(6);
        var written = dispatch.acceptRebalance(f.zjManager.asActor(), plan);
        assertThat(written).hasSize(6).allSatisfy(l -> {
            assertThat(l.ownerId()).isIn(f.wang.id(), f.li.id());
            assertThat(l.assignmentReason()).startsWith("批量平衡分配给");
        });
        assertThat(written.stream().filter(l -> l.ownerId().equals(f.wang.id())).count()).isEqualTo(3);
        assertThatThrownBy(() -> dispatch.proposeRebalance(f.wang.asActor(), Duration.ofSeconds(1)))
                .isInstanceOf(SalesDeskException.class);
    }

    @Test
    void aManagersProfileChangesDecideTheNextDispatch() {
        var manager = f.zjManager.asActor();
        RepProfile wang = dispatch.profile(manager, f.wang.id());
        // 王 takes over Suzhou; 李 is on leave from today: the next Suzhou lead goes to 王 or 张,
        // the next Hangzhou lead to 王 alone.
        dispatch.saveProfile(manager, new RepProfile(wang.userId(), wang.name(),
                java.util.List.of(SalesOrgFixture.SUZHOU, SalesOrgFixture.HANGZHOU), 30, null, null));
        RepProfile li = dispatch.profile(manager, f.li.id());
        dispatch.saveProfile(manager, new RepProfile(li.userId(), li.name(), li.territories(), null,
                LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 3)));

        assertThat(dispatch.profile(manager, f.wang.id()).territories())
                .containsExactly(SalesOrgFixture.SUZHOU, SalesOrgFixture.HANGZHOU);
        assertThat(dispatch.profile(manager, f.wang.id()).monthlyCapacity()).isEqualTo(30);
        for (int i = 1; i <= 3; i++) {
            assertThat(capture("杭州" + i + "号医院", "浙江省杭州市西湖区").lead().ownerId()).isEqualTo(f.wang.id());
        }
        assertThat(dispatch.loads(manager)).filteredOn(l -> l.userId().equals(f.li.id()))
                .singleElement().extracting(RepLoad::away).isEqualTo(true);
    }

    @Test
    void aProfileWithAnImpossibleCapacityLeaveOrRegionIsRefusedAndNothingChanges() {
        var manager = f.zjManager.asActor();
        RepProfile wang = dispatch.profile(manager, f.wang.id());

        assertThatThrownBy(() -> dispatch.saveProfile(manager, new RepProfile(wang.userId(), wang.name(),
                java.util.List.of(), 0, LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field)
                        .containsExactlyInAnyOrder("monthlyCapacity", "awayUntil"));
        assertThatThrownBy(() -> dispatch.saveProfile(manager, new RepProfile(wang.userId(), wang.name(),
                java.util.List.of("999999"), null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field).containsExactly("territories"));
        assertThat(dispatch.profile(manager, f.wang.id())).isEqualTo(wang);
        assertThatThrownBy(() -> dispatch.saveProfile(f.li.asActor(), wang)).isInstanceOf(SalesDeskException.class);
        assertThatThrownBy(() -> dispatch.profile(f.jsManager.asActor(), f.wang.id()))
                .as("a manager of another region does not see the rep").isInstanceOf(SalesDeskException.class);
    }

    @Test
    void twoManagersSavingFromTheSameReadTheSecondIsRefusedAndNothingOfItIsWritten() {
        var manager = f.zjManager.asActor();
        RepProfile read = dispatch.profile(manager, f.wang.id());
        RepProfile first = new RepProfile(read.userId(), read.name(), java.util.List.of(SalesOrgFixture.SUZHOU), 30,
                null, null);
        RepProfile second = new RepProfile(read.userId(), read.name(), java.util.List.of(SalesOrgFixture.HANGZHOU), null,
                LocalDate.of(2026, 12, 1), null);
        dispatch.saveProfile(manager, read, first);
        int logged = changesOfWang();

        assertThatThrownBy(() -> dispatch.saveProfile(f.admin.asActor(), read, second))
                .isInstanceOfSatisfying(SalesDeskException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("dispatch.profile.stale");
                    assertThat(e.arguments()).contains(f.zjManager.displayName());
                });
        RepProfile now = dispatch.profile(manager, f.wang.id());
        assertThat(now.territories()).containsExactly(SalesOrgFixture.SUZHOU);
        assertThat(now.monthlyCapacity()).isEqualTo(30);
        assertThat(now.awayFrom()).isNull();
        // Only the territories differ from what was read: still refused, not merged over them.
        assertThatThrownBy(() -> dispatch.saveProfile(manager, read, new RepProfile(read.userId(), read.name(),
                java.util.List.of(SalesOrgFixture.HANGZHOU), 30, null, null))).isInstanceOf(SalesDeskException.class);
        assertThat(dispatch.profile(manager, f.wang.id())).isEqualTo(now);

        // Saved again on what is there now it goes through; a save that changes nothing writes nothing.
        dispatch.saveProfile(manager, now, second);
        RepProfile last = dispatch.profile(manager, f.wang.id());
        assertThat(last.awayFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
        dispatch.saveProfile(manager, last, last);
        assertThat(changesOfWang()).isEqualTo(logged + 1);
    }

    private int changesOfWang() {
        java.util.List<io.salesdesk.db.ChangeEntry> changes =
                db.transactionResult(cfg -> io.salesdesk.db.ChangeLog.using(cfg, clock).forEntity(f.wang.id()));
        return changes.size();
    }
}
