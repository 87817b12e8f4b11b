package io.salesdesk.studio.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Customer form layouts on a real HSQLDB: default, save and load, versions, retired and new fields. */
class FormLayoutServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    CustomFieldService fields;
    FormLayoutService layouts;
    final TestClock clock = new TestClock(Instant.parse("2026-11-28T01:30:00Z"));
    CustomField source;
    CustomField tenderNo;

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        fields = new CustomFieldService(db, clock);
        layouts = new FormLayoutService(db, clock, Locale.SIMPLIFIED_CHINESE);
        source = fields.define(manager(), CustomEntity.CUSTOMER, new CustomFieldDraft("客户来源", "source",
                FieldType.SINGLE_CHOICE, List.of("展会", "招标", "转介绍"), false, null, null));
        tenderNo = fields.define(manager(), CustomEntity.CUSTOMER, CustomFieldDraft.of("招标编号", FieldType.TEXT));
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

    private static List<String> names(FormSection section) {
        return section.fields().stream().map(FormPlacement::field).toList();
    }

    @Test
    void withoutASavedLayoutTheFormIsTodaysWithCustomFieldsAfterTheStandardOnes() {
        FormLayout layout = layouts.layout(CustomEntity.CUSTOMER);

        assertThat(layout.saved()).isFalse();
        assertThat(layout.version()).isZero();
        assertThat(layout.sections()).extracting(FormSection::titleZh).containsExactly("基本信息", "更多字段");
        assertThat(names(layout.sections().get(0))).containsExactly("name", "creditCode", "phone", "tier",
                "industry", "regionCode", "address", "ownerId");
        assertThat(names(layout.sections().get(1))).containsExactly("custom.source", "custom." + tenderNo.key());
        assertThat(layout.placements()).filteredOn(FormPlacement::required).extracting(FormPlacement::field)
                .containsExactly("name", "tier");
    }

    @Test
    void aSavedLayoutComesBackWithItsSectionsColumnsAndRules() {
        String tender = "custom." + tenderNo.key();
        List<FormSection> sections = List.of(
                new FormSection("招投标", "Tender", 1, List.of(
                        FormPlacement.of("custom.source", false),
                        new FormPlacement(tender, true, false,
                                new VisibleWhen("custom.source", VisibleWhen.Operator.EQUALS, "招标"), Set.of()))),
                new FormSection("基本信息", null, 2, List.of(
                        FormPlacement.of("name", true).withRequired(true),
                        FormPlacement.of("tier", false).withRequired(true).withReadOnlyFor(Set.of(Role.REP)),
                        FormPlacement.of("phone", false).withRequired(true),
                        FormPlacement.of("ownerId", false))));

        FormLayout saved = layouts.save(manager(), CustomEntity.CUSTOMER, 0, sections);
        FormLayout loaded = layouts.layout(CustomEntity.CUSTOMER);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(loaded.saved()).isTrue();
        assertThat(loaded.sections().subList(0, 2)).isEqualTo(sections);
        assertThat(loaded.placement(tender).orElseThrow().visibleWhen().value()).isEqualTo("招标");
        assertThat(loaded.placement("tier").orElseThrow().readOnlyFor(Role.REP)).isTrue();
        // The fields the designer left in its palette stay off the form.
        assertThat(loaded.sections()).hasSize(2);
        assertThat(loaded.leftOff()).containsExactly("creditCode", "industry", "regionCode", "address");
    }

    @Test
    void aSaveOnAVersionSomeoneElseChangedIsRefusedAndOverwritesNothing() {
        FormLayout first = layouts.save(manager(), CustomEntity.CUSTOMER, 0,
                FormLayouts.defaultSections(CustomEntity.CUSTOMER));
        layouts.save(f.admin.asActor(), CustomEntity.CUSTOMER, first.version(), List.of(
                new FormSection("管理员的", "Admin", 1, first.sections().get(0).fields())));

        assertThatThrownBy(() -> layouts.save(manager(), CustomEntity.CUSTOMER, first.version(),
                FormLayouts.defaultSections(CustomEntity.CUSTOMER))).isInstanceOf(StaleRecordException.class);
        assertThat(layouts.layout(CustomEntity.CUSTOMER).sections().get(0).titleZh()).isEqualTo("管理员的");
    }

    @Test
    void aRetiredFieldVanishesAndAFieldAddedLaterAppearsAtTheEnd() {
        String tender = "custom." + tenderNo.key();
        List<FormSection> sections = List.of(new FormSection("基本信息", "Basic", 2, List.of(
                FormPlacement.of("name", true).withRequired(true), FormPlacement.of("tier", false).withRequired(true),
                new FormPlacement("custom.source", false, false,
                        new VisibleWhen(tender, VisibleWhen.Operator.FILLED, null), Set.of()),
                FormPlacement.of(tender, false))));
        layouts.save(manager(), CustomEntity.CUSTOMER, 0, sections);

        fields.retire(manager(), tenderNo.id(), tenderNo.version());
        CustomField beds = fields.define(manager(), CustomEntity.CUSTOMER, CustomFieldDraft.of("床位数",
                FieldType.NUMBER));
        FormLayout now = layouts.layout(CustomEntity.CUSTOMER);

        assertThat(now.placement(tender)).isEmpty();
        // A condition on the retired field no longer hides anything.
        assertThat(now.placement("custom.source").orElseThrow().visibleWhen()).isNull();
        FormSection last = now.sections().get(now.sections().size() - 1);
        assertThat(last.titleZh()).isEqualTo("更多字段");
        // Only the field added since the save: those left off on purpose stay off.
        assertThat(names(last)).containsExactly("custom." + beds.key());
    }

    @Test
    void aFieldTheCustomerNeedsCannotBeMadeOptionalHiddenOrLeftOff() {
        List<FormSection> sections = List.of(new FormSection("基本信息", null, 2, List.of(
                FormPlacement.of("name", true),
                new FormPlacement("phone", false, false,
                        new VisibleWhen("phone", VisibleWhen.Operator.FILLED, null), Set.of()))));

        assertThatThrownBy(() -> layouts.save(manager(), CustomEntity.CUSTOMER, 0, sections))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey,
                                p -> p.arguments().get(0))
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("studio.form.neededOptional", "客户名称"),
                                org.assertj.core.groups.Tuple.tuple("studio.form.badCondition", "电话"),
                                org.assertj.core.groups.Tuple.tuple("studio.form.neededMissing", "客户等级")));
        assertThat(layouts.layout(CustomEntity.CUSTOMER).saved()).isFalse();
    }

    @Test
    void resettingGoesBackToTheDefaultAndCountsAsAVersion() {
        FormLayout saved = layouts.save(manager(), CustomEntity.CUSTOMER, 0, List.of(new FormSection("全部", null,
                1, FormLayouts.defaultSections(CustomEntity.CUSTOMER).get(0).fields())));

        FormLayout reset = layouts.reset(manager(), CustomEntity.CUSTOMER, saved.version());

        assertThat(reset.saved()).isFalse();
        assertThat(reset.version()).isEqualTo(2);
        assertThat(reset.sections().get(0).titleZh()).isEqualTo("基本信息");
        assertThatThrownBy(() -> layouts.save(manager(), CustomEntity.CUSTOMER, saved.version(),
                FormLayouts.defaultSections(CustomEntity.CUSTOMER))).isInstanceOf(StaleRecordException.class);
        assertThat(layouts.save(manager(), CustomEntity.CUSTOMER, 2, FormLayouts.defaultSections(
                CustomEntity.CUSTOMER)).version()).isEqualTo(3);
        int versions = db.transactionResult(cfg -> FormLayoutRepository.using(cfg, clock)
                .versionCount(CustomEntity.CUSTOMER));
        assertThat(versions).isEqualTo(3);
    }

    @Test
    void aRepMayNotChangeTheLayout() {
        assertThatThrownBy(() -> layouts.save(f.wang.asActor(), CustomEntity.CUSTOMER, 0,
                FormLayouts.defaultSections(CustomEntity.CUSTOMER)))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("studio.form.notAllowed"));
    }

    @Test
    void theContactFormHasItsOwnLayoutBesideTheCustomerForm() {
        CustomField hobby = fields.define(manager(), CustomEntity.CONTACT, CustomFieldDraft.of("爱好", FieldType.TEXT));
        FormLayout contact = layouts.layout(CustomEntity.CONTACT);
        assertThat(names(contact.sections().get(0))).containsExactly("name", "title", "mobile", "phone", "email",
                "wechat", "primary");
        assertThat(names(contact.sections().get(1))).containsExactly("custom." + hobby.key());

        layouts.save(manager(), CustomEntity.CONTACT, 0, List.of(new FormSection("联系方式", null, 1, List.of(
                FormPlacement.of("name", false).withRequired(true), FormPlacement.of("mobile", false)
                        .withRequired(true), FormPlacement.of("custom." + hobby.key(), false)))));

        assertThat(layouts.layout(CustomEntity.CONTACT).placement("mobile").orElseThrow().required()).isTrue();
        assertThat(layouts.layout(CustomEntity.CUSTOMER).saved()).isFalse();
        assertThatThrownBy(() -> layouts.save(manager(), CustomEntity.TASK, 0, List.of()))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("studio.form.notDesignable"));
    }
}
