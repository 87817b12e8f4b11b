package io.salesdesk.studio.field;

import static io.salesdesk.db.jooq.Tables.CHANGE_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom fields on a real HSQLDB: definitions, values of every type, required fields, retiring, audit. */
class CustomFieldServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    CustomFieldService studio;
    final TestClock clock = new TestClock(Instant.parse("2026-11-26T01:30:00Z"));
    UUID hospital;

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        studio = new CustomFieldService(db, clock);
        hospital = f.customer(f.wang, "杭州市第一人民医院", Tier.A, SalesOrgFixture.XIHU, null);
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

    @Test
    void aManagerAddsFieldsThatKeepTheirOrderAndGetAStableKey() {
        CustomField beds = studio.define(manager(), CustomEntity.CUSTOMER,
                new CustomFieldDraft(" 床位数 ", "bed_count", FieldType.NUMBER, List.of(), false, null, "编制床位"));
        CustomField level = studio.define(manager(), CustomEntity.CUSTOMER, new CustomFieldDraft("医院等级", null,
                FieldType.SINGLE_CHOICE, List.of("三甲", "三乙", "二甲", " "), true, "二甲", null));
        studio.define(manager(), CustomEntity.CONTACT, CustomFieldDraft.of("爱好", FieldType.TEXT));

        assertThat(studio.fields(CustomEntity.CUSTOMER)).extracting(CustomField::key, CustomField::label,
                CustomField::order).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bed_count", "床位数", 1),
                        org.assertj.core.groups.Tuple.tuple("single_choice_1", "医院等级", 2));
        assertThat(level.choices()).containsExactly("三甲", "三乙", "二甲");
        assertThat(beds.helpText()).isEqualTo("编制床位");
        assertThat(studio.defaults(CustomEntity.CUSTOMER)).containsExactly(entry("single_choice_1", "二甲"));
    }

    @Test
    void aRepMayNotChangeTheFields() {
        assertThatThrownBy(() -> studio.define(f.wang.asActor(), CustomEntity.CUSTOMER,
                CustomFieldDraft.of("床位数", FieldType.NUMBER)))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("studio.notAllowed"));
    }

    @Test
    void aBadDefinitionSaysWhatIsWrongWithEachPart() {
        studio.define(manager(), CustomEntity.CUSTOMER, new CustomFieldDraft("床位数", "bed_count", FieldType.NUMBER,
                List.of(), false, null, null));

        assertThatThrownBy(() -> studio.define(manager(), CustomEntity.CUSTOMER, new CustomFieldDraft(" ", "bed_count",
                FieldType.NUMBER, List.of(), false, "很多", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field, ValidationException.FieldProblem::messageKey)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("label", "studio.field.label.required"),
                                org.assertj.core.groups.Tuple.tuple("defaultValue", "studio.value.number"),
                                org.assertj.core.groups.Tuple.tuple("key", "studio.field.keyTaken")));
        assertThatThrownBy(() -> studio.define(manager(), CustomEntity.CUSTOMER,
                CustomFieldDraft.of("竞品", FieldType.MULTI_CHOICE)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey)
                        .containsExactly("studio.field.choices.required"));
        assertThat(studio.allFields(CustomEntity.CUSTOMER)).hasSize(1);
    }

    @Test
    void valuesOfEveryTypeAreReadBackInTheirCanonicalForm() {
        Map<FieldType, String> typed = new java.util.LinkedHashMap<>();
        typed.put(FieldType.TEXT, " 设备科 ");
        typed.put(FieldType.LONG_TEXT, "第一行\n第二行");
        typed.put(FieldType.NUMBER, "1,200.50");
        typed.put(FieldType.MONEY, "¥85,000");
        typed.put(FieldType.DATE, "2026-12-01");
        typed.put(FieldType.DATE_TIME, "2026-12-01T14:30+08:00");
        typed.put(FieldType.MULTI_CHOICE, "GE\n西门子\nGE");
        typed.put(FieldType.USER, f.li.id().toString());
        typed.put(FieldType.REGION, "330106");
        typed.put(FieldType.CHECKBOX, "是");
        typed.put(FieldType.LINK, "https://example.org/bid/2026-118");
        Map<String, String> values = new HashMap<>();
        typed.forEach((type, value) -> {
            CustomField field = studio.define(manager(), CustomEntity.CUSTOMER, new CustomFieldDraft(type.name(), null,
                    type, type.hasChoices() ? List.of("西门子", "GE", "飞利浦") : List.of(), false, null, null));
            values.put(field.key(), value);
        });

        studio.setValues(f.wang.asActor(), CustomEntity.CUSTOMER, hospital, values);

        assertThat(studio.values(CustomEntity.CUSTOMER, hospital)).containsOnly(
                entry("text_1", "设备科"), entry("long_text_1", "第一行\n第二行"), entry("number_1", "1200.5"),
                entry("money_1", "85000"), entry("date_1", "2026-12-01"), entry("date_time_1", "2026-12-01T06:30Z"),
                entry("multi_choice_1", "西门子\nGE"), entry("user_1", f.li.id().toString()),
                entry("region_1", "330106"), entry("checkbox_1", "true"),
                entry("link_1", "https://example.org/bid/2026-118"));
    }

    @Test
    void aRefusedValueSavesNothingAndARequiredFieldMustBeFilled() {
        CustomField beds = studio.define(manager(), CustomEntity.CUSTOMER, CustomFieldDraft.of("床位数", FieldType.NUMBER));
        CustomField level = studio.define(manager(), CustomEntity.CUSTOMER, new CustomFieldDraft("医院等级", "grade",
                FieldType.SINGLE_CHOICE, List.of("三甲", "二甲"), true, null, null));

        assertThatThrownBy(() -> studio.setValues(f.wang.asActor(), CustomEntity.CUSTOMER, hospital,
                Map.of(beds.key(), "五百", "ghost", "x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field, ValidationException.FieldProblem::messageKey)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("custom.number_1", "studio.value.number"),
                                org.assertj.core.groups.Tuple.tuple("custom.ghost", "studio.value.unknownField"),
                                org.assertj.core.groups.Tuple.tuple("custom.grade", "studio.value.required")));
        assertThatThrownBy(() -> studio.setValues(f.wang.asActor(), CustomEntity.CUSTOMER, hospital,
                Map.of(level.key(), "一甲")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey).containsExactly("studio.value.choice"));
        assertThat(studio.values(CustomEntity.CUSTOMER, hospital)).isEmpty();

        studio.setValues(f.wang.asActor(), CustomEntity.CUSTOMER, hospital, Map.of(beds.key(), "500", "grade", "三甲"));
        assertThat(studio.values(CustomEntity.CUSTOMER, hospital)).containsOnly(entry("number_1", "500"),
                entry("grade", "三甲"));
    }

    @Test
    void aChangeOfValuesIsOneEntryInTheCustomersHistory() {
        CustomField beds = studio.define(manager(), CustomEntity.CUSTOMER, CustomFieldDraft.of("床位数", FieldType.NUMBER));
        studio.setValues(f.wang.asActor(), CustomEntity.CUSTOMER, hospital, Map.of(beds.key(), "300"));
        studio.setValues(f.wang.asActor(), CustomEntity.CUSTOMER, hospital, Map.of(beds.key(), "300.00"));
        studio.setValues(f.wang.asActor(), CustomEntity.CUSTOMER, hospital, Map.of(beds.key(), "500"));
        studio.setValues(f.wang.asActor(), CustomEntity.CUSTOMER, hospital, Map.of(beds.key(), ""));

        List<String> changes = db.dsl().select(CHANGE_LOG.CHANGES).from(CHANGE_LOG)
                .where(CHANGE_LOG.ENTITY.eq("customer"), CHANGE_LOG.ENTITY_ID.eq(hospital))
                .orderBy(CHANGE_LOG.SEQ).fetch(CHANGE_LOG.CHANGES);
        // The customer's creation, then three real changes (300.00 is no change from 300).
        assertThat(changes).hasSize(4);
        assertThat(changes.get(1)).contains("custom.number_1").contains("300");
        assertThat(changes.get(2)).contains("300").contains("500");
        assertThat(changes.get(3)).contains("500");
    }

    @Test
    void aRetiredFieldIsHiddenKeepsItsValueAndComesBack() {
        CustomField beds = studio.define(manager(), CustomEntity.CUSTOMER, CustomFieldDraft.of("床位数", FieldType.NUMBER));
        studio.setValues(f.wang.asActor(), CustomEntity.CUSTOMER, hospital, Map.of(beds.key(), "300"));

        CustomField retired = studio.retire(manager(), beds.id(), beds.version());

        assertThat(studio.fields(CustomEntity.CUSTOMER)).isEmpty();
        assertThat(studio.allFields(CustomEntity.CUSTOMER)).extracting(CustomField::retired).containsExactly(true);
        assertThat(studio.values(CustomEntity.CUSTOMER, hospital)).isEmpty();
        assertThatThrownBy(() -> studio.retire(manager(), beds.id(), beds.version()))
                .isInstanceOf(StaleRecordException.class);

        studio.restore(manager(), retired.id(), retired.version());
        assertThat(studio.values(CustomEntity.CUSTOMER, hospital)).containsOnly(entry("number_1", "300"));
    }

    @Test
    void aFieldKeepsItsKeyAndTypeWhenItsLabelAndChoicesChangeAndCanBeReordered() {
        CustomField a = studio.define(manager(), CustomEntity.CUSTOMER, CustomFieldDraft.of("床位数", FieldType.NUMBER));
        CustomField b = studio.define(manager(), CustomEntity.CUSTOMER, new CustomFieldDraft("竞品", null,
                FieldType.MULTI_CHOICE, List.of("GE"), false, null, null));

        CustomField changed = studio.update(manager(), b.id(), b.version(), new CustomFieldDraft("在用竞品", "ignored",
                FieldType.MULTI_CHOICE, List.of("GE", "西门子"), false, null, null));
        assertThat(changed.key()).isEqualTo(b.key());
        assertThat(changed.choices()).containsExactly("GE", "西门子");
        assertThatThrownBy(() -> studio.update(manager(), a.id(), a.version(), CustomFieldDraft.of("床位数",
                FieldType.TEXT))).isInstanceOf(ValidationException.class);

        studio.reorder(manager(), CustomEntity.CUSTOMER, List.of(b.id(), a.id()));
        assertThat(studio.fields(CustomEntity.CUSTOMER)).extracting(CustomField::label).containsExactly("在用竞品",
                "床位数");
    }

    @Test
    void twoPeopleSavingDifferentFieldsOfOneRecordKeepBothChanges() {
        studio.define(manager(), CustomEntity.CUSTOMER, new CustomFieldDraft("床位数", "beds", FieldType.NUMBER,
                List.of(), false, null, null));
        studio.define(manager(), CustomEntity.CUSTOMER, CustomFieldDraft.of("院长", FieldType.TEXT));
        studio.setValues(manager(), CustomEntity.CUSTOMER, hospital, Map.of("beds", "800"));
        Map<String, String> bothOpened = studio.values(CustomEntity.CUSTOMER, hospital);
        String director = studio.fields(CustomEntity.CUSTOMER).get(1).key();

        // A colleague saves the director; the user, who opened the form before, saves the beds.
        Map<String, String> colleagues = new HashMap<>(bothOpened);
        colleagues.put(director, "张院长");
        studio.setValuesSince(f.wang.asActor(), CustomEntity.CUSTOMER, hospital, bothOpened, colleagues);
        Map<String, String> mine = new HashMap<>(bothOpened);
        mine.put("beds", "1000.0");
        studio.setValuesSince(manager(), CustomEntity.CUSTOMER, hospital, bothOpened, mine);

        assertThat(studio.values(CustomEntity.CUSTOMER, hospital)).containsEntry("beds", "1000")
                .containsEntry(director, "张院长");
    }

    @Test
    void aFieldSomeoneElseChangedMeanwhileIsNotOverwritten() {
        studio.define(manager(), CustomEntity.CUSTOMER, new CustomFieldDraft("床位数", "beds", FieldType.NUMBER,
                List.of(), false, null, null));
        studio.setValues(manager(), CustomEntity.CUSTOMER, hospital, Map.of("beds", "800"));
        Map<String, String> opened = studio.values(CustomEntity.CUSTOMER, hospital);
        studio.setValuesSince(f.wang.asActor(), CustomEntity.CUSTOMER, hospital, opened, Map.of("beds", "900"));

        assertThat(studio.conflicts(CustomEntity.CUSTOMER, hospital, opened, Map.of("beds", "1000"))).containsExactly("beds");
        assertThat(studio.conflicts(CustomEntity.CUSTOMER, hospital, opened, Map.of("beds", "900"))).isEmpty();
        assertThatThrownBy(() -> studio.setValuesSince(manager(), CustomEntity.CUSTOMER, hospital, opened,
                Map.of("beds", "1000")))
                .isInstanceOfSatisfying(StaleRecordException.class,
                        e -> assertThat(e.current()).isEqualTo(Map.of("beds", "900")));
        assertThat(studio.values(CustomEntity.CUSTOMER, hospital)).containsEntry("beds", "900");
    }
}
