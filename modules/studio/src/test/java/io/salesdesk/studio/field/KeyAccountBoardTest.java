package io.salesdesk.studio.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.salesdesk.board.Board;
import io.salesdesk.board.BoardColumn;
import io.salesdesk.board.BoardDefinition;
import io.salesdesk.board.BoardFilter;
import io.salesdesk.board.BoardKind;
import io.salesdesk.board.BoardProblem;
import io.salesdesk.board.BoardService;
import io.salesdesk.board.BoardView;
import io.salesdesk.board.Card;
import io.salesdesk.board.CardFactSettings;
import io.salesdesk.board.CustomerCards;
import io.salesdesk.core.Actor;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal's 大客户专项攻坚看板 on a real database: tier-A customers in columns by the custom field
 * 攻坚阶段, each card with its competitors (a custom field) and its technical contact (the contact whose
 * custom field 角色 says 技术负责人).
 */
class KeyAccountBoardTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    CustomFieldService studio;
    BoardService boards;
    final TestClock clock = new TestClock(Instant.parse("2026-11-26T01:30:00Z"));
    UUID hospital;
    UUID other;

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        studio = new CustomFieldService(db, clock);
        boards = new BoardService(db, clock, List.of(new CustomerCards(f.customers, f.regions)),
                new BoardCustomValues(studio));
        hospital = f.customer(f.wang, "杭州市第一人民医院", Tier.A, SalesOrgFixture.XIHU, null);
        other = f.customer(f.wang, "杭州市第二人民医院", Tier.A, SalesOrgFixture.XIHU, null);
        f.customer(f.wang, "西湖社区卫生服务中心", Tier.C, SalesOrgFixture.XIHU, null);
        studio.define(manager(), CustomEntity.CUSTOMER, new CustomFieldDraft("攻坚阶段", "attack_stage",
                FieldType.SINGLE_CHOICE, List.of("建立关系", "技术交流", "方案论证", "商务谈判"), false, null, null));
        studio.define(manager(), CustomEntity.CUSTOMER, new CustomFieldDraft("竞争对手", "competitor",
                FieldType.MULTI_CHOICE, List.of("迈瑞", "GE", "飞利浦"), false, null, null));
        studio.define(manager(), CustomEntity.CONTACT, new CustomFieldDraft("角色", "contact_role",
                FieldType.SINGLE_CHOICE, List.of("决策人", "技术负责人", "采购"), false, null, null));
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Actor manager() {
        return f.zjManager.asActor();
    }

    private Board keyAccountBoard() {
        return boards.create(manager(), BoardKind.CUSTOMER, "大客户专项攻坚看板", new BoardDefinition("custom.attack_stage",
                null, List.of("owner", "custom.competitor", "fact.keyContact", "fact.lastNotes"),
                new BoardFilter(false, null, null, "A"), List.of(),
                new CardFactSettings("contact_role", "技术负责人", null, 3, List.of("MEETING", "VISIT"))));
    }

    private static Card card(BoardView view, UUID id) {
        return view.columns().stream().flatMap(c -> c.cards().stream()).filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void keyAccountsSitInTheColumnOfTheirStageWithTheirCompetitorsAndTechnicalContact() {
        studio.setValues(manager(), CustomEntity.CUSTOMER, hospital, Map.of("attack_stage", "技术交流",
                "competitor", "迈瑞\nGE"));
        var boss = f.customers.addContact(manager(), hospital, new ContactDraft("周院长", "院长", null, null, null, null,
                true, null));
        var engineer = f.customers.addContact(manager(), hospital, new ContactDraft("吴工", "信息科科长", null, null, null,
                null, false, null));
        studio.setValues(manager(), CustomEntity.CONTACT, boss.id(), Map.of("contact_role", "决策人"));
        studio.setValues(manager(), CustomEntity.CONTACT, engineer.id(), Map.of("contact_role", "技术负责人"));

        BoardView view = boards.open(manager(), keyAccountBoard(), null);

        assertThat(view.problems()).isEmpty();
        assertThat(view.columns()).extracting(BoardColumn::key)
                .containsExactly("建立关系", "技术交流", "方案论证", "商务谈判", "_none");
        assertThat(view.columns().get(1).cards()).extracting(Card::id).containsExactly(hospital);
        assertThat(view.columns().get(4).cards()).as("a key account without a stage yet").extracting(Card::id)
                .containsExactly(other);
        assertThat(view.columns()).as("the tier C customer is not a key account")
                .allSatisfy(c -> assertThat(c.count()).isLessThanOrEqualTo(1));
        var extras = view.extras(card(view, hospital));
        assertThat(extras.custom()).contains(entry("competitor", "迈瑞\nGE"));
        assertThat(extras.keyContact().name()).isEqualTo("吴工");
        assertThat(extras.keyContact().title()).isEqualTo("信息科科长");
        assertThat(view.extraFields()).extracting(f -> f.custom() == null ? f.fact().key() : f.custom().label())
                .containsExactly("竞争对手", "fact.keyContact", "fact.lastNotes");
    }

    @Test
    void draggingACardToAnotherStageSetsTheCustomersStage() {
        studio.setValues(manager(), CustomEntity.CUSTOMER, hospital, Map.of("attack_stage", "技术交流"));
        Board board = keyAccountBoard();
        BoardView view = boards.open(manager(), board, null);

        Card moved = boards.move(manager(), board, card(view, hospital), "商务谈判", null, null, null, false);

        assertThat(moved.column()).isEqualTo("商务谈判");
        assertThat(studio.values(CustomEntity.CUSTOMER, hospital)).contains(entry("attack_stage", "商务谈判"));
        BoardView after = boards.open(manager(), board, null);
        assertThat(after.columns().get(3).cards()).extracting(Card::id).containsExactly(hospital);
        boards.move(manager(), board, card(after, hospital), "_none", null, null, null, false);
        assertThat(studio.values(CustomEntity.CUSTOMER, hospital)).doesNotContainKey("attack_stage");
    }

    @Test
    void aRetiredCardFieldIsReportedAndTheBoardStillOpens() {
        Board board = keyAccountBoard();
        CustomField competitor = studio.fields(CustomEntity.CUSTOMER).stream()
                .filter(c -> c.key().equals("competitor")).findFirst().orElseThrow();
        studio.retire(manager(), competitor.id(), competitor.version());

        BoardView view = boards.open(manager(), board, null);

        assertThat(view.problems()).extracting(BoardProblem::argument).containsExactly("custom.competitor");
        assertThat(view.columns()).hasSize(5);
    }

    @Test
    void theDesignerOffersEachCustomFieldAndTheChoiceFieldsAsColumns() {
        assertThat(boards.customFields(BoardKind.CUSTOMER)).extracting(c -> c.label())
                .containsExactly("攻坚阶段", "竞争对手");
        assertThat(boards.columns(BoardKind.CUSTOMER, "custom.attack_stage")).extracting(c -> c.nameZh())
                .containsExactly("建立关系", "技术交流", "方案论证", "商务谈判", "未填写");
        assertThat(boards.customFields(BoardKind.ESCALATION)).isEmpty();
    }

    @Test
    void aDealCardShowsItsCustomersCompetitors() {
        studio.setValues(manager(), CustomEntity.CUSTOMER, hospital, Map.of("competitor", "飞利浦"));
        var opportunities = new io.salesdesk.crm.OpportunityService(db, clock);
        var deal = opportunities.create(f.wang.asActor(), new io.salesdesk.crm.OpportunityDraft(hospital, "监护仪 20 台",
                f.wang.id(), "NEEDS", new java.math.BigDecimal("200000"), java.time.LocalDate.of(2027, 1, 31), null,
                null, null));
        BoardService dealBoards = new BoardService(db, clock, List.of(new io.salesdesk.board.OpportunityCards(
                opportunities, f.regions)), new BoardCustomValues(studio));
        Board board = dealBoards.create(manager(), BoardKind.OPPORTUNITY, "竞品漏斗", new BoardDefinition("stage", null,
                List.of("amount", "customer.custom.competitor"), null, List.of()));

        BoardView view = dealBoards.open(manager(), board, null);

        assertThat(view.problems()).isEmpty();
        Card card = card(view, deal.id());
        assertThat(view.extras(card).customerCustom()).containsEntry("competitor", "飞利浦");
        assertThat(view.extraFields()).singleElement().satisfies(x -> assertThat(x.ofCustomer()).isTrue());
        assertThat(dealBoards.usingCustomField("CUSTOMER", "competitor")).extracting(Board::name).containsExactly("竞品漏斗");
    }

    @Test
    void aFullStageColumnAsksBeforeTakingAnotherKeyAccount() {
        studio.setValues(manager(), CustomEntity.CUSTOMER, hospital, Map.of("attack_stage", "商务谈判"));
        studio.setValues(manager(), CustomEntity.CUSTOMER, other, Map.of("attack_stage", "技术交流"));
        Board board = boards.create(manager(), BoardKind.CUSTOMER, "攻坚", new BoardDefinition("custom.attack_stage", null,
                List.of(), new BoardFilter(false, null, null, "A"),
                List.of(new io.salesdesk.board.ColumnSetting("商务谈判", 1, null, false))));
        Card card = card(boards.open(manager(), board, null), other);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> boards.move(manager(), board, card, "商务谈判", null,
                        null, null, false))
                .isInstanceOf(io.salesdesk.board.WipLimitExceededException.class);
        assertThat(studio.values(CustomEntity.CUSTOMER, other)).contains(entry("attack_stage", "技术交流"));

        boards.move(manager(), board, card, "商务谈判", null, null, null, true);
        assertThat(studio.values(CustomEntity.CUSTOMER, other)).contains(entry("attack_stage", "商务谈判"));
    }

    @Test
    void aCustomerBoardSplitsIntoLanesByACustomFieldAndReportsOneThatWasRetired() {
        studio.define(manager(), CustomEntity.CUSTOMER, new CustomFieldDraft("战区", "war_zone",
                FieldType.SINGLE_CHOICE, List.of("杭州战区", "宁波战区"), false, null, null));
        studio.setValues(manager(), CustomEntity.CUSTOMER, hospital, Map.of("war_zone", "杭州战区",
                "attack_stage", "技术交流"));
        Board board = boards.create(manager(), BoardKind.CUSTOMER, "战区攻坚", new BoardDefinition("custom.attack_stage",
                "custom.war_zone", List.of("owner"), new BoardFilter(false, null, null, "A"), List.of(), null));

        BoardView view = boards.open(manager(), board, null);

        assertThat(view.problems()).isEmpty();
        assertThat(view.laned()).isTrue();
        assertThat(view.customSwimlane().key()).isEqualTo("war_zone");
        assertThat(card(view, hospital).swimlane()).isEqualTo("杭州战区");
        assertThat(card(view, other).swimlane()).as("no value: the lane of those without one").isEmpty();
        assertThat(card(view, hospital).column()).as("the columns still come from 攻坚阶段").isEqualTo("技术交流");

        CustomField zone = studio.fields(CustomEntity.CUSTOMER).stream().filter(x -> x.key().equals("war_zone"))
                .findFirst().orElseThrow();
        studio.retire(manager(), zone.id(), zone.version());
        BoardView after = boards.open(manager(), board, null);
        assertThat(after.laned()).isFalse();
        assertThat(after.problems()).extracting(BoardProblem::messageKey).contains("board.problem.unknownField");
    }
}
