package io.salesdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's rules on a real database; run on HSQLDB and, when configured, PostgreSQL. */
abstract class OpportunityServiceContract {

    @TempDir
    Path dataDir;

    Database db;
    CrmFixture f;
    OpportunityService opportunities;
    Customer hospital;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    abstract Database open(Path dir);

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new CrmFixture(db, clock);
        opportunities = new OpportunityService(db, clock);
        hospital = f.customer(f.wang, "苏州康华医院");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Opportunity deal(String name, String stage, BigDecimal amount) {
        return opportunities.create(f.wang.asActor(), new OpportunityDraft(hospital.id(), name, null, stage, amount,
                LocalDate.of(2027, 1, 31), null, "监护仪", null));
    }

    @Test
    void aNewDealTakesTheCustomersOwnerTheFirstStageAndItsProbability() {
        Opportunity created = opportunities.create(f.eastManager.asActor(),
                new OpportunityDraft(hospital.id(), " 监护仪 20 台 ", null, null, null, null, null, null, null));

        assertThat(created.name()).isEqualTo("监护仪 20 台");
        assertThat(created.ownerId()).as("the customer's owner works the deal").isEqualTo(f.wang.id());
        assertThat(created.stage()).isEqualTo("INITIAL");
        assertThat(created.probability()).isEqualTo(10);
        assertThat(created.customerName()).isEqualTo("苏州康华医院");
        assertThat(created.version()).isEqualTo(1);
    }

    @Test
    void theStagesComeInFunnelOrderWithTheirRules() {
        List<OpportunityStage> stages = opportunities.stages();
        assertThat(stages).extracting(OpportunityStage::code).containsExactly("INITIAL", "NEEDS", "SOLUTION", "QUOTE",
                "NEGOTIATION", "CONTRACT", "WON", "LOST");
        assertThat(opportunities.stage("QUOTE").requiresAmount()).isTrue();
        assertThat(opportunities.stage("WON").closes()).isTrue();
    }

    @Test
    void movingToQuoteWithoutAnAmountIsRefusedWithTheReasonAndNothingChanges() {
        Opportunity deal = deal("超声 2 台", "NEEDS", null);
        long changesBefore = auditSize();

        assertThatThrownBy(() -> opportunities.move(f.wang.asActor(), deal.id(), deal.version(), "QUOTE", null, null,
                null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field, ValidationException.FieldProblem::messageKey)
                        .containsExactly(tuple("amount", "opportunity.stage.amountRequired")));

        Opportunity after = opportunities.find(f.wang.asActor(), deal.id()).orElseThrow();
        assertThat(after.stage()).isEqualTo("NEEDS");
        assertThat(after.version()).isEqualTo(deal.version());
        assertThat(auditSize()).isEqualTo(changesBefore);
    }

    @Test
    void theFormObeysTheSameStageRulesAsTheBoard() {
        Opportunity deal = deal("超声 2 台", "NEEDS", null);
        OpportunityDraft toQuote = new OpportunityDraft(hospital.id(), deal.name(), deal.ownerId(), "QUOTE", null,
                null, null, null, null);

        assertThatThrownBy(() -> opportunities.update(f.wang.asActor(), deal.id(), deal.version(), toQuote))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey)
                        .containsExactly("opportunity.stage.amountRequired"));
    }

    @Test
    void aMoveChangesStageProbabilityAndHistoryAtOnce() {
        Opportunity deal = deal("超声 2 台", "NEEDS", new BigDecimal("860000.00"));

        Opportunity moved = opportunities.move(f.wang.asActor(), deal.id(), deal.version(), "QUOTE", null, null, null);

        assertThat(moved.stage()).isEqualTo("QUOTE");
        assertThat(moved.probability()).isEqualTo(50);
        assertThat(moved.version()).isEqualTo(deal.version() + 1);
        List<ChangeEntry> history = opportunities.history(f.eastManager.asActor(), deal.id());
        assertThat(opportunities.history(f.zhang.asActor(), deal.id())).as("not another region's rep").isEmpty();
        assertThat(history).hasSize(2).last().satisfies(entry -> assertThat(entry.changes()).containsKeys("stage", "probability"));
    }

    @Test
    void wonAndLostNeedAReasonAndStampTheCloseTime() {
        Opportunity deal = deal("超声 2 台", "CONTRACT", new BigDecimal("860000.00"));

        assertThatThrownBy(() -> opportunities.move(f.wang.asActor(), deal.id(), deal.version(), "LOST", " ", null,
                null)).isInstanceOf(ValidationException.class);
        Opportunity lost = opportunities.move(f.wang.asActor(), deal.id(), deal.version(), "LOST", "预算冻结", null,
                null);

        assertThat(lost.closeReason()).isEqualTo("预算冻结");
        assertThat(lost.closedAt()).isNotNull();
        assertThat(lost.probability()).isZero();
        Opportunity reopened = opportunities.move(f.wang.asActor(), lost.id(), lost.version(), "NEGOTIATION", null,
                null, null);
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.closeReason()).isNull();
    }

    @Test
    void cardsKeepTheOrderTheyWereDroppedInWithoutRenumberingTheColumn() {
        Opportunity a = deal("A", "NEEDS", null);
        Opportunity b = deal("B", "NEEDS", null);
        Opportunity c = deal("C", "NEEDS", null);
        // New deals go on top: C, B, A.
        assertThat(column("NEEDS")).containsExactly("C", "B", "A");

        Opportunity movedA = opportunities.move(f.wang.asActor(), a.id(), a.version(), "NEEDS", null, c.id(), b.id());
        assertThat(column("NEEDS")).containsExactly("C", "A", "B");
        assertThat(opportunities.find(f.wang.asActor(), b.id()).orElseThrow().version())
                .as("the neighbours are not rewritten").isEqualTo(b.version());
        assertThat(opportunities.find(f.wang.asActor(), c.id()).orElseThrow().version()).isEqualTo(c.version());

        opportunities.move(f.wang.asActor(), c.id(), c.version(), "NEEDS", null, b.id(), null);
        assertThat(column("NEEDS")).containsExactly("A", "B", "C");
        assertThat(movedA.version()).isEqualTo(a.version() + 1);
    }

    @Test
    void manyDropsAtOneSpotSpreadTheColumnAndKeepTheOrder() {
        Opportunity top = deal("top", "NEEDS", null);
        Opportunity bottom = deal("bottom", "NEEDS", null);
        // bottom was created last, so it is on top; put it below "top" first.
        bottom = opportunities.move(f.wang.asActor(), bottom.id(), bottom.version(), "NEEDS", null, top.id(), null);
        Opportunity previous = top;
        for (int i = 0; i < 260; i++) {
            Opportunity card = deal("card " + i, "INITIAL", null);
            // Always drop right above "bottom": ranks crowd at one spot until the column is spread.
            previous = opportunities.move(f.wang.asActor(), card.id(), card.version(), "NEEDS", null, previous.id(),
                    bottom.id());
        }
        List<String> names = column("NEEDS");
        assertThat(names).hasSize(262);
        assertThat(names.subList(0, 3)).containsExactly("top", "card 0", "card 1");
        assertThat(names.subList(259, 262)).containsExactly("card 258", "card 259", "bottom");
        assertThat(opportunities.column(f.wang.asActor(), "NEEDS", OpportunityFilter.all()))
                .allSatisfy(o -> assertThat(o.rank().length()).isLessThanOrEqualTo(48));
    }

    @Test
    void theSlowerOfTwoConcurrentMovesFailsAndSeesWhereTheCardReallyIs() {
        Opportunity deal = deal("超声 2 台", "QUOTE", new BigDecimal("860000.00"));
        opportunities.move(f.wang.asActor(), deal.id(), deal.version(), "NEGOTIATION", null, null, null);

        assertThatThrownBy(() -> opportunities.move(f.eastManager.asActor(), deal.id(), deal.version(), "CONTRACT",
                null, null, null))
                .isInstanceOfSatisfying(StaleRecordException.class, e -> assertThat(e.current())
                        .isInstanceOfSatisfying(Opportunity.class, now -> assertThat(now.stage()).isEqualTo("NEGOTIATION")));
    }

    @Test
    void aDealDeletedMeanwhileIsReportedAsGone() {
        Opportunity deal = deal("超声 2 台", "QUOTE", new BigDecimal("860000.00"));
        opportunities.delete(f.wang.asActor(), deal.id(), deal.version());

        assertThatThrownBy(() -> opportunities.move(f.wang.asActor(), deal.id(), deal.version(), "NEGOTIATION", null,
                null, null))
                .isInstanceOfSatisfying(StaleRecordException.class, e -> assertThat(e.current()).isNull());
    }

    @Test
    void columnTotalsComeFromTheDatabaseAndRespectVisibility() {
        deal("A", "QUOTE", new BigDecimal("100000.00"));
        deal("B", "QUOTE", new BigDecimal("250000.50"));
        Customer south = f.customers.create(f.zhang.asActor(), new CustomerDraft("广州南方医院", null, Tier.A, "HOSPITAL",
                "440104", null, null, null));
        opportunities.create(f.zhang.asActor(), new OpportunityDraft(south.id(), "C", null, "QUOTE",
                new BigDecimal("999.00"), null, null, null, null));

        Map<String, StageTotal> wangs = opportunities.totals(f.wang.asActor(), OpportunityFilter.all());
        Map<String, StageTotal> all = opportunities.totals(f.admin.asActor(), OpportunityFilter.all());

        assertThat(wangs.get("QUOTE")).isEqualTo(new StageTotal(2, new BigDecimal("350000.50")));
        assertThat(all.get("QUOTE").count()).isEqualTo(3);
        assertThat(opportunities.totals(f.admin.asActor(), new OpportunityFilter(null, "44", null, null, null))
                .get("QUOTE").count()).as("region filter: only 广东").isEqualTo(1);
    }

    @Test
    void aRepCannotSeeOrMoveAnotherRepsDeal() {
        Opportunity deal = deal("超声 2 台", "NEEDS", null);

        assertThat(opportunities.find(f.zhang.asActor(), deal.id())).isEmpty();
        assertThat(opportunities.find(f.eastManager.asActor(), deal.id())).isPresent();
        assertThatThrownBy(() -> opportunities.move(f.zhang.asActor(), deal.id(), deal.version(), "SOLUTION", null,
                null, null)).isInstanceOf(SalesDeskException.class).isNotInstanceOf(StaleRecordException.class);
        assertThatThrownBy(() -> opportunities.create(f.zhang.asActor(), new OpportunityDraft(hospital.id(), "x", null,
                null, null, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey)
                        .contains("opportunity.customer.notVisible"));
    }

    private long auditSize() {
        Long size = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).size());
        return size;
    }

    private List<String> column(String stage) {
        return opportunities.column(f.wang.asActor(), stage, OpportunityFilter.all()).stream()
                .map(Opportunity::name).toList();
    }
}
