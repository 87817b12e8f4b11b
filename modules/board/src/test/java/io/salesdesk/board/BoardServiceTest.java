package io.salesdesk.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.Tier;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    PipelineFixture f;
    Customer hospital;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new PipelineFixture(db, clock);
        hospital = f.customer(f.wang, "苏州康华医院", Tier.A);
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void everyWorkspaceStartsWithAPipelineATaskBoardAndAnEscalationBoard() {
        assertThat(f.boards.boards(BoardKind.OPPORTUNITY)).extracting(Board::name).containsExactly("销售漏斗", "A 类客户攻坚");
        assertThat(f.boards.boards(BoardKind.TASK)).extracting(Board::name).containsExactly("任务看板");
        assertThat(f.boards.boards(BoardKind.ESCALATION)).extracting(Board::name).containsExactly("督办看板");
    }

    @Test
    void thePipelineShowsEveryStageWithCountsAndSumsFromTheDatabase() {
        f.deal(f.wang, hospital, "监护仪", "QUOTE", "100000");
        f.deal(f.wang, hospital, "超声", "QUOTE", "250000.50");
        f.deal(f.li, f.customer(f.li, "常熟第一人民医院", Tier.B), "呼吸机", "NEEDS", null);

        BoardView view = f.boards.open(f.manager.asActor(), f.board(BoardKind.OPPORTUNITY, "销售漏斗"), null);

        assertThat(view.problems()).isEmpty();
        assertThat(view.columns()).extracting(BoardColumn::key).containsExactly("INITIAL", "NEEDS", "SOLUTION", "QUOTE",
                "NEGOTIATION", "CONTRACT", "WON", "LOST");
        BoardColumn quote = view.columns().get(3);
        assertThat(quote.count()).isEqualTo(2);
        assertThat(quote.amount()).isEqualByComparingTo("350000.50");
        assertThat(quote.cards()).extracting(c -> ((Opportunity) c.item()).name()).containsExactly("超声", "监护仪");
        assertThat(view.columns().get(4).wipLimit()).isEqualTo(30);
        assertThat(view.cardFields()).extracting(BoardField::key)
                .containsExactly("customer", "amount", "expectedCloseOn", "owner", "daysInStage");

        BoardView wangs = f.boards.open(f.wang.asActor(), f.board(BoardKind.OPPORTUNITY, "销售漏斗"), null);
        assertThat(wangs.columns().get(1).count()).as("a rep sees only their deals").isZero();
    }

    @Test
    void aBoardForTierAHidesClosedColumnsAndSplitsLanesByOwner() {
        f.deal(f.wang, hospital, "监护仪", "QUOTE", "100000");
        f.deal(f.li, f.customer(f.li, "常熟第一人民医院", Tier.B), "呼吸机", "QUOTE", "90000");

        BoardView view = f.boards.open(f.manager.asActor(), f.board(BoardKind.OPPORTUNITY, "A 类客户攻坚"), null);

        assertThat(view.columns()).extracting(BoardColumn::key).doesNotContain("WON", "LOST");
        BoardColumn quote = view.columns().stream().filter(c -> c.key().equals("QUOTE")).findFirst().orElseThrow();
        assertThat(quote.count()).as("only the tier A customer's deal").isEqualTo(1);
        assertThat(quote.cards()).extracting(Card::swimlane).containsExactly("王一");
    }

    @Test
    void movingACardChangesTheStageThroughTheStageRules() {
        Opportunity deal = f.deal(f.wang, hospital, "监护仪", "NEEDS", null);
        Board pipeline = f.board(BoardKind.OPPORTUNITY, "销售漏斗");
        Card card = card(pipeline, "NEEDS", deal);

        assertThatThrownBy(() -> f.boards.move(f.wang.asActor(), pipeline, card, "QUOTE", null, null, null, false))
                .isInstanceOf(ValidationException.class);
        Card moved = f.boards.move(f.wang.asActor(), pipeline, card, "SOLUTION", null, null, null, false);

        assertThat(moved.column()).isEqualTo("SOLUTION");
        assertThat(f.opportunities.find(f.wang.asActor(), deal.id()).orElseThrow().stage()).isEqualTo("SOLUTION");
    }

    @Test
    void enteringAFullColumnAsksForConfirmationAndGoesAheadWhenConfirmed() {
        Board pipeline = f.board(BoardKind.OPPORTUNITY, "销售漏斗");
        Board limited = f.boards.update(f.admin.asActor(), pipeline.id(), pipeline.version(), pipeline.name(),
                new BoardDefinition("stage", null, List.of("amount"), BoardFilter.NONE,
                        List.of(new ColumnSetting("NEGOTIATION", 2, "#123456", false))));
        f.deal(f.wang, hospital, "A", "NEGOTIATION", "1000");
        f.deal(f.wang, hospital, "B", "NEGOTIATION", "1000");
        Opportunity third = f.deal(f.wang, hospital, "C", "QUOTE", "1000");
        Card card = card(limited, "QUOTE", third);

        assertThatThrownBy(() -> f.boards.move(f.wang.asActor(), limited, card, "NEGOTIATION", null, null, null, false))
                .isInstanceOfSatisfying(WipLimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo("NEGOTIATION");
                });
        assertThat(f.opportunities.find(f.wang.asActor(), third.id()).orElseThrow().stage()).isEqualTo("QUOTE");

        Card moved = f.boards.move(f.wang.asActor(), limited, card, "NEGOTIATION", null, null, null, true);
        assertThat(moved.column()).isEqualTo("NEGOTIATION");
        BoardView view = f.boards.open(f.wang.asActor(), limited, null);
        assertThat(view.columns().stream().filter(c -> c.key().equals("NEGOTIATION")).findFirst().orElseThrow()
                .colour()).as("the board's own colour wins over the stage's").isEqualTo("#123456");
        assertThat(view.columns().get(0).colour()).isEqualTo("#8C959F");
        assertThat(view.columns().stream().filter(c -> c.key().equals("NEGOTIATION")).findFirst().orElseThrow()
                .overLimit()).isTrue();
    }

    @Test
    void aBoardWhoseDefinitionNamesARemovedFieldStillOpensAndSaysWhatIsMissing() {
        Board pipeline = f.board(BoardKind.OPPORTUNITY, "销售漏斗");
        Board odd = f.boards.update(f.admin.asActor(), pipeline.id(), pipeline.version(), pipeline.name(),
                new BoardDefinition("stage", "competitor", List.of("amount", "budgetOwner"), BoardFilter.NONE,
                        List.of(new ColumnSetting("PILOT", 3, null, false))));
        f.deal(f.wang, hospital, "A", "QUOTE", "1000");

        BoardView view = f.boards.open(f.manager.asActor(), odd, null);

        assertThat(view.problems()).extracting(BoardProblem::messageKey, BoardProblem::argument).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("board.problem.unknownField", "competitor"),
                org.assertj.core.groups.Tuple.tuple("board.problem.unknownField", "budgetOwner"),
                org.assertj.core.groups.Tuple.tuple("board.problem.unknownColumn", "PILOT"));
        assertThat(view.cardFields()).extracting(BoardField::key).containsExactly("amount");
        assertThat(view.swimlane()).isNull();
        assertThat(view.columns().get(3).count()).isEqualTo(1);
    }

    @Test
    void searchNarrowsCardsAndTotals() {
        f.deal(f.wang, hospital, "监护仪 20 台", "QUOTE", "100000");
        f.deal(f.wang, hospital, "超声 2 台", "QUOTE", "200000");

        BoardView view = f.boards.open(f.wang.asActor(), f.board(BoardKind.OPPORTUNITY, "销售漏斗"), "超声");

        BoardColumn quote = view.columns().get(3);
        assertThat(quote.count()).isEqualTo(1);
        assertThat(quote.amount()).isEqualByComparingTo(new BigDecimal("200000"));
    }

    @Test
    void onlyManagersAndCompanyRolesChangeTheSharedBoards() {
        Board pipeline = f.board(BoardKind.OPPORTUNITY, "销售漏斗");

        assertThatThrownBy(() -> f.boards.update(f.wang.asActor(), pipeline.id(), pipeline.version(), "我的漏斗",
                pipeline.definition())).isInstanceOf(io.salesdesk.core.SalesDeskException.class)
                .hasMessageContaining("board.notAllowed");
        Board renamed = f.boards.update(f.manager.asActor(), pipeline.id(), pipeline.version(), "华东漏斗",
                pipeline.definition());
        Board copy = f.boards.create(f.manager.asActor(), BoardKind.OPPORTUNITY, "监护仪产品线",
                new BoardDefinition("stage", null, List.of("amount"), new BoardFilter(false, null, "监护仪", null),
                        List.of()));

        assertThat(renamed.name()).isEqualTo("华东漏斗");
        assertThat(f.boards.boards(BoardKind.OPPORTUNITY)).extracting(Board::name).containsExactly("华东漏斗",
                "A 类客户攻坚", "监护仪产品线");
        assertThat(copy.definition().filter().products()).isEqualTo("监护仪");
    }

    @Test
    void aBoardWithItsOwnColumnsKeepsCardsWhereTheyWerePutAndLeavesTheDealAlone() {
        Opportunity a = f.deal(f.wang, hospital, "A", "QUOTE", "1000");
        Opportunity b = f.deal(f.wang, hospital, "B", "NEEDS", null);
        Board focus = f.boards.create(f.manager.asActor(), BoardKind.OPPORTUNITY, "本周攻坚",
                new BoardDefinition(BoardDefinition.MANUAL, null, List.of("amount"), BoardFilter.NONE, List.of(
                        new ColumnSetting("todo", null, null, false, "待整理"),
                        new ColumnSetting("focus", 1, null, false, "本周重点"),
                        new ColumnSetting("later", null, null, false, "下周"))));

        BoardView before = f.boards.open(f.manager.asActor(), focus, null);
        assertThat(before.columns()).extracting(c -> c.value().nameZh()).containsExactly("待整理", "本周重点", "下周");
        assertThat(before.columns().get(0).cards()).as("never placed: waiting in the first column").hasSize(2);
        Card cardA = before.columns().get(0).cards().stream().filter(c -> c.id().equals(a.id())).findFirst()
                .orElseThrow();
        Card cardB = before.columns().get(0).cards().stream().filter(c -> c.id().equals(b.id())).findFirst()
                .orElseThrow();

        Card moved = f.boards.move(f.manager.asActor(), focus, cardA, "focus", null, null, null, false);

        assertThat(moved.column()).isEqualTo("focus");
        Opportunity deal = f.opportunities.find(f.manager.asActor(), a.id()).orElseThrow();
        assertThat(deal.stage()).as("a manual column is not a stage").isEqualTo("QUOTE");
        assertThat(deal.version()).isEqualTo(a.version());
        BoardView after = f.boards.open(f.manager.asActor(), focus, null);
        assertThat(after.columns().get(1).cards()).extracting(Card::id).containsExactly(a.id());
        assertThat(after.columns().get(1).amount()).isEqualByComparingTo("1000");
        assertThat(after.columns().get(0).cards()).extracting(Card::id).containsExactly(b.id());
        assertThat(f.boards.open(f.manager.asActor(), f.board(BoardKind.OPPORTUNITY, "销售漏斗"), null)
                .columns().get(3).cards()).as("other boards keep their own places").extracting(Card::id)
                .contains(a.id());

        assertThatThrownBy(() -> f.boards.move(f.manager.asActor(), focus, cardB, "focus", null, a.id(), null, false))
                .isInstanceOf(WipLimitExceededException.class);
        Card second = f.boards.move(f.manager.asActor(), focus, cardB, "focus", null, null, a.id(), true);
        assertThat(f.boards.open(f.manager.asActor(), focus, null).columns().get(1).cards()).extracting(Card::id)
                .containsExactly(b.id(), a.id());
        assertThat(second.version()).isEqualTo(1);

        assertThatThrownBy(() -> f.boards.move(f.manager.asActor(), focus, cardA, "later", null, null, null, false))
                .as("the card moved since this copy of it was read")
                .isInstanceOf(io.salesdesk.core.StaleRecordException.class);
    }

    private Card card(Board board, String column, Opportunity deal) {
        return f.boards.open(f.wang.asActor(), board, null).columns().stream().filter(c -> c.key().equals(column))
                .flatMap(c -> c.cards().stream()).filter(c -> c.id().equals(deal.id())).findFirst().orElseThrow();
    }
}
