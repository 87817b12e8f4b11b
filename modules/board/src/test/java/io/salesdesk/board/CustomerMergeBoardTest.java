package io.salesdesk.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.board.escalation.Escalation;
import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.escalation.EscalationStatus;
import io.salesdesk.board.escalation.EscalationSubject;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.merge.CustomerMergeResult;
import io.salesdesk.crm.merge.CustomerMergeService;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer merge and its undo as the boards see them: the merged customer's card on a key-account
 * board and its open escalation become the survivor's, a resolved escalation stays history; undo
 * puts both back.
 */
class CustomerMergeBoardTest {

    @TempDir
    Path dataDir;

    Database db;
    PipelineFixture f;
    BoardService boards;
    EscalationService escalations;
    CustomerMergeService merges;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new PipelineFixture(db, clock);
        boards = new BoardService(db, clock, List.of(new CustomerCards(f.customers, f.regions)));
        escalations = new EscalationService(db, clock);
        merges = new CustomerMergeService(db, clock, f.regions, f.customers, CustomerMergeService.registered());
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
    void theMergedCustomersCardAndOpenEscalationFollowTheMergeAndComeBackOnUndo() {
        Customer survivor = f.customer(f.wang, "苏州康华医院", Tier.A);
        Customer merged = f.customer(f.wang, "苏州康华医院（新院区）", Tier.A);
        Board focus = boards.create(f.manager.asActor(), BoardKind.CUSTOMER, "大客户攻坚",
                new BoardDefinition(BoardDefinition.MANUAL, null, List.of(), BoardFilter.NONE, List.of(
                        new ColumnSetting("todo", null, null, false, "待整理"),
                        new ColumnSetting("focus", null, null, false, "本周重点"))));
        Card card = card(focus, merged.name());
        boards.move(f.manager.asActor(), focus, card, "focus", null, null, null, false);
        Escalation open = escalations.raise("followUpOverdue", new EscalationSubject("customer", merged.id(),
                merged.name()), f.wang.id(), "超过 7 天未跟进", OffsetDateTime.now(clock).plusDays(1));
        Escalation old = escalations.raise("quoteStalled", new EscalationSubject("customer", merged.id(),
                merged.name()), f.wang.id(), "报价无进展", OffsetDateTime.now(clock).plusDays(1));
        escalations.resolve(f.manager.asActor(), old.id(), old.version(), "已处理");

        CustomerMergeResult result = merges.merge(f.manager.asActor(), survivor.id(), survivor.version(), merged.id(),
                merged.version(), Set.of());

        assertThat(result.moved()).containsEntry("board_card", 1).containsEntry("escalation", 1);
        assertThat(column(focus, "focus")).as("the card the user placed is the survivor's now")
                .containsExactly(survivor.name());
        Escalation moved = escalations.open(f.manager.asActor(), open.id()).orElseThrow();
        assertThat(moved.subjectId()).isEqualTo(survivor.id());
        assertThat(moved.subjectLabel()).isEqualTo("苏州康华医院");
        assertThat(escalations.open(f.manager.asActor(), old.id()).orElseThrow().subjectId())
                .as("a resolved escalation is history of the merged customer").isEqualTo(merged.id());

        merges.undo(f.manager.asActor(), result.mergeId());

        assertThat(column(focus, "focus")).containsExactly(merged.name());
        Escalation back = escalations.open(f.manager.asActor(), open.id()).orElseThrow();
        assertThat(back.subjectId()).isEqualTo(merged.id());
        assertThat(back.subjectLabel()).isEqualTo("苏州康华医院（新院区）");
        assertThat(back.status()).isEqualTo(EscalationStatus.OPEN);
    }

    @Test
    void whenBothHaveACardOnABoardTheSurvivorsStaysWhereItIs() {
        Customer survivor = f.customer(f.wang, "苏州康华医院", Tier.A);
        Customer merged = f.customer(f.wang, "苏州康华医院（新院区）", Tier.A);
        Board focus = boards.create(f.manager.asActor(), BoardKind.CUSTOMER, "大客户攻坚",
                new BoardDefinition(BoardDefinition.MANUAL, null, List.of(), BoardFilter.NONE, List.of(
                        new ColumnSetting("todo", null, null, false, "待整理"),
                        new ColumnSetting("focus", null, null, false, "本周重点"))));
        boards.move(f.manager.asActor(), focus, card(focus, merged.name()), "focus", null, null, null, false);
        boards.move(f.manager.asActor(), focus, card(focus, survivor.name()), "todo", null, null, null, false);

        CustomerMergeResult result = merges.merge(f.manager.asActor(), survivor.id(), survivor.version(), merged.id(),
                merged.version(), Set.of());

        assertThat(result.moved()).doesNotContainKey("board_card");
        assertThat(column(focus, "todo")).containsExactly(survivor.name());
        assertThat(column(focus, "focus")).isEmpty();
    }

    private Card card(Board board, String name) {
        return boards.open(f.manager.asActor(), board, null).columns().stream().flatMap(c -> c.cards().stream())
                .filter(c -> name(c).equals(name)).findFirst().orElseThrow();
    }

    private static String name(Card card) {
        return ((Customer) card.item()).name();
    }

    private List<String> column(Board board, String key) {
        return boards.open(f.manager.asActor(), board, null).columns().stream()
                .filter(c -> c.value().key().equals(key)).flatMap(c -> c.cards().stream()).map(CustomerMergeBoardTest::name).toList();
    }
}
