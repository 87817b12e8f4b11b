package io.salesdesk.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.crm.ActivityDraft;
import io.salesdesk.crm.ActivityKind;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key-account boards: customers as cards, with their key contact and latest notes read in bulk. */
class CustomerBoardTest {

    @TempDir
    Path dataDir;

    Database db;
    PipelineFixture f;
    BoardService boards;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new PipelineFixture(db, clock);
        boards = new BoardService(db, clock, List.of(new OpportunityCards(f.opportunities, f.regions),
                new io.salesdesk.board.CustomerCards(f.customers, f.regions)));
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Board keyAccountBoard(CardFactSettings facts) {
        return boards.create(f.manager.asActor(), BoardKind.CUSTOMER, "大客户专项攻坚看板", new BoardDefinition("tier", null,
                List.of("owner", CardFact.KEY_CONTACT.key(), CardFact.LAST_NOTES.key()),
                new BoardFilter(false, null, null, "A"), List.of(), facts));
    }

    private void contact(User owner, Customer customer, String name, String title, boolean primary) {
        f.customers.addContact(owner.asActor(), customer.id(), new ContactDraft(name, title, "13800000000", null, null,
                null, primary, null));
    }

    private void note(User owner, Customer customer, ActivityKind kind, String day, String text) {
        f.customers.logFollowUp(owner.asActor(), customer.id(), new ActivityDraft(kind,
                OffsetDateTime.parse(day + "T10:00:00+08:00"), null, 60, text, null, null, null));
    }

    private CardExtras extrasOf(BoardView view, Customer customer) {
        Card card = view.columns().stream().flatMap(c -> c.cards().stream()).filter(c -> c.id().equals(customer.id()))
                .findFirst().orElseThrow();
        return view.extras(card);
    }

    @Test
    void eachKeyAccountCardShowsItsTechnicalContactAndItsLastThreeMeetingNotes() {
        Customer hospital = f.customer(f.wang, "苏州康华医院", Tier.A);
        contact(f.wang, hospital, "周院长", "院长", true);
        contact(f.wang, hospital, "吴工", "信息科科长", false);
        contact(f.wang, hospital, "郑科长", "设备科科长", false);
        note(f.wang, hospital, ActivityKind.MEETING, "2026-10-01", "第一次技术交流");
        note(f.wang, hospital, ActivityKind.MEETING, "2026-10-15", "参数确认会");
        note(f.wang, hospital, ActivityKind.VISIT, "2026-11-02", "拜访设备科，竞品已介入");
        note(f.wang, hospital, ActivityKind.MEETING, "2026-11-20", "商务谈判，价格待定");
        note(f.wang, hospital, ActivityKind.CALL, "2026-11-25", "电话确认到货时间");

        BoardView view = boards.open(f.manager.asActor(), keyAccountBoard(new CardFactSettings(null, null,
                "设备科、信息科", 3, List.of("MEETING", "VISIT"))), null);

        assertThat(view.problems()).isEmpty();
        assertThat(view.extraFields()).extracting(CardExtraField::fact)
                .containsExactly(CardFact.KEY_CONTACT, CardFact.LAST_NOTES);
        CardExtras extras = extrasOf(view, hospital);
        assertThat(extras.keyContact()).as("the first title word wins over the primary contact")
                .extracting(KeyContact::name, KeyContact::title).containsExactly("郑科长", "设备科科长");
        assertThat(extras.notes()).as("newest first, the call left out").extracting(CardNote::text)
                .containsExactly("商务谈判，价格待定", "拜访设备科，竞品已介入", "参数确认会");
        assertThat(extras.notes()).extracting(CardNote::kind).containsExactly("MEETING", "VISIT", "MEETING");
    }

    @Test
    void withoutAContactRuleTheKeyContactIsThePrimaryOne() {
        Customer hospital = f.customer(f.wang, "苏州康华医院", Tier.A);
        contact(f.wang, hospital, "吴工", "信息科科长", false);
        contact(f.wang, hospital, "周院长", "院长", true);

        BoardView view = boards.open(f.manager.asActor(), keyAccountBoard(null), null);

        assertThat(extrasOf(view, hospital).keyContact().name()).isEqualTo("周院长");
    }

    @Test
    void aCustomerWithNoContactOfTheWantedTitleShowsNoneRatherThanSomeoneElse() {
        Customer hospital = f.customer(f.wang, "苏州康华医院", Tier.A);
        contact(f.wang, hospital, "周院长", "院长", true);

        BoardView view = boards.open(f.manager.asActor(), keyAccountBoard(new CardFactSettings(null, null, "技术",
                null, List.of())), null);

        assertThat(extrasOf(view, hospital).keyContact()).isNull();
    }

    @Test
    void aBoardOfManyCustomersGivesEachCardItsOwnFacts() {
        List<Customer> many = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Customer c = f.customer(i % 2 == 0 ? f.wang : f.li, "医院" + i, Tier.A);
            contact(i % 2 == 0 ? f.wang : f.li, c, "联系人" + i, "设备科科长", false);
            for (int n = 1; n <= 5; n++) {
                note(i % 2 == 0 ? f.wang : f.li, c, ActivityKind.MEETING, "2026-11-0" + n, "医院" + i + " 第" + n + "次会");
            }
            many.add(c);
        }
        f.customer(f.wang, "一家 B 类医院", Tier.B);

        BoardView view = boards.open(f.manager.asActor(), keyAccountBoard(new CardFactSettings(null, null, "设备科",
                3, List.of("MEETING"))), null);

        assertThat(view.columns()).extracting(BoardColumn::key).containsExactly("A", "B", "C", "D");
        assertThat(view.columns().get(0).count()).isEqualTo(30);
        assertThat(view.columns().get(1).count()).as("the board is for tier A").isZero();
        for (int i = 0; i < many.size(); i++) {
            CardExtras extras = extrasOf(view, many.get(i));
            assertThat(extras.keyContact().name()).isEqualTo("联系人" + i);
            assertThat(extras.notes()).extracting(CardNote::text)
                    .containsExactly("医院" + i + " 第5次会", "医院" + i + " 第4次会", "医院" + i + " 第3次会");
        }
    }

    @Test
    void movingACustomerCardToAnotherTierChangesItsTier() {
        Customer hospital = f.customer(f.wang, "苏州康华医院", Tier.B);
        Board board = boards.create(f.manager.asActor(), BoardKind.CUSTOMER, "客户分级", new BoardDefinition("tier",
                "owner", List.of("owner"), null, List.of()));
        Card card = boards.open(f.manager.asActor(), board, null).columns().get(1).cards().get(0);

        Card moved = boards.move(f.manager.asActor(), board, card, "A", null, null, null, false);

        assertThat(moved.column()).isEqualTo("A");
        assertThat(moved.swimlane()).isEqualTo("王一");
        assertThat(f.customers.open(f.manager.asActor(), hospital.id()).orElseThrow().customer().tier())
                .isEqualTo(Tier.A);
    }

    @Test
    void opportunityCardsShowTheirCustomersFactsToo() {
        Customer hospital = f.customer(f.wang, "苏州康华医院", Tier.A);
        contact(f.wang, hospital, "周院长", "院长", true);
        note(f.wang, hospital, ActivityKind.MEETING, "2026-11-20", "商务谈判");
        f.deal(f.wang, hospital, "监护仪 20 台", "QUOTE", "100000");
        Board board = boards.create(f.manager.asActor(), BoardKind.OPPORTUNITY, "带客户情况的漏斗",
                new BoardDefinition("stage", null, List.of("amount", CardFact.KEY_CONTACT.key(),
                        CardFact.LAST_NOTES.key()), null, List.of()));

        BoardView view = boards.open(f.manager.asActor(), board, null);

        Card deal = view.columns().stream().filter(c -> c.key().equals("QUOTE")).findFirst().orElseThrow().cards().get(0);
        assertThat(view.extras(deal).keyContact().name()).isEqualTo("周院长");
        assertThat(view.extras(deal).notes()).extracting(CardNote::text).containsExactly("商务谈判");
        assertThat(view.cardFields()).extracting(BoardField::key).containsExactly("amount");
    }

    @Test
    void definitionsSavedBeforeCardFactsStillOpenAndNewOnesRoundTrip() {
        String saved = "{\"groupBy\":\"stage\",\"swimlane\":null,\"cardFields\":[\"customer\",\"amount\"],"
                + "\"filter\":{\"mineOnly\":false,\"regionPrefix\":null,\"products\":null,\"tier\":\"A\"},"
                + "\"columns\":[{\"key\":\"WON\",\"wipLimit\":null,\"colour\":null,\"hidden\":true}]}";

        BoardDefinition old = BoardDefinitionJson.read(saved).orElseThrow();

        assertThat(old.cardFields()).containsExactly("customer", "amount");
        assertThat(old.filter().tier()).isEqualTo("A");
        assertThat(old.facts()).isEqualTo(CardFactSettings.DEFAULT);
        BoardDefinition designed = new BoardDefinition("custom.attack_stage", null,
                List.of("custom.competitor", "fact.keyContact", "fact.lastNotes"), new BoardFilter(false, null, null, "A"),
                List.of(new ColumnSetting("_none", null, null, true)),
                new CardFactSettings("contact_role", "技术负责人", "技术、设备科", 3, List.of("MEETING", "VISIT")));
        assertThat(BoardDefinitionJson.read(BoardDefinitionJson.write(designed))).contains(designed);
        assertThat(designed.customGroupBy()).isEqualTo("attack_stage");
    }

    @Test
    void theBoardsThatUseACustomFieldAreNamedSoRetiringItCanSaySo() {
        boards.create(f.manager.asActor(), BoardKind.CUSTOMER, "大客户专项攻坚看板", new BoardDefinition("custom.attack_stage",
                null, List.of("custom.competitor", CardFact.KEY_CONTACT.key()), null, List.of(),
                new CardFactSettings("contact_role", "技术负责人", null, null, List.of())));
        boards.create(f.manager.asActor(), BoardKind.OPPORTUNITY, "竞品漏斗", new BoardDefinition("stage", null,
                List.of("custom.competitor"), null, List.of()));

        assertThat(boards.usingCustomField("CUSTOMER", "competitor")).extracting(Board::name)
                .containsExactly("大客户专项攻坚看板");
        assertThat(boards.usingCustomField("OPPORTUNITY", "competitor")).extracting(Board::name)
                .containsExactly("竞品漏斗");
        assertThat(boards.usingCustomField("CUSTOMER", "attack_stage")).extracting(Board::name)
                .containsExactly("大客户专项攻坚看板");
        assertThat(boards.usingCustomField("CONTACT", "contact_role")).extracting(Board::name)
                .containsExactly("大客户专项攻坚看板");
        assertThat(boards.usingCustomField("CUSTOMER", "bed_count")).isEmpty();
    }
}
