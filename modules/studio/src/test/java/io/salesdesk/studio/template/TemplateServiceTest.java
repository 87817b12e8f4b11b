package io.salesdesk.studio.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.salesdesk.board.BoardKind;
import io.salesdesk.core.ValidationException;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.insight.tier.BonusBand;
import io.salesdesk.insight.tier.BonusFormula;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Install, uninstall and export of templates on a real HSQLDB (PostgreSQL in the subclass). */
class TemplateServiceTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDir;

    Database db;
    TemplateWorkspace w;

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        w = new TemplateWorkspace(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static List<String> keys(List<PlanLine> lines) {
        return lines.stream().map(PlanLine::key).toList();
    }

    @Test
    void thePlanListsEveryItemAndWhatHappensToIt() {
        InstallPlan plan = w.templates.plan(w.builtIn("medical-regional"));

        assertThat(plan.lines()).extracting(PlanLine::kind, PlanLine::label, PlanLine::action).contains(
                tuple(ItemKind.FIELD, "医院等级", PlanLine.Action.ADD),
                tuple(ItemKind.FLOW, "医疗器械合同审批", PlanLine.Action.ADD),
                tuple(ItemKind.SLA, "客户 3 天未跟进升级督办", PlanLine.Action.ADD),
                tuple(ItemKind.DISPATCH, "dispatchWeights", PlanLine.Action.REPLACE));
        assertThat(w.fields.allFields(CustomEntity.CUSTOMER)).isEmpty();
    }

    @Test
    void installAddsEveryItemThroughItsServiceAndRecordsIt() {
        InstallPlan plan = w.templates.install(w.org.admin.asActor(), w.builtIn("medical-regional"), TemplateWorkspace.ZH);

        assertThat(w.fields.fields(CustomEntity.CUSTOMER)).extracting(CustomField::key)
                .containsExactly("hospital_grade", "bed_count", "key_departments");
        assertThat(w.rules.rules()).extracting(r -> r.definition().name()).containsExactly("三甲医院新客户：2 天内安排首次拜访");
        assertThat(w.boards.boards(BoardKind.ESCALATION)).extracting(b -> b.name()).contains("区域督办看板");
        assertThat(w.approvals.flow("contract", "submit")).isPresent();
        assertThat(w.slas.rules()).extracting(s -> s.code(), s -> s.escalateAfterMinutes())
                .contains(tuple("medical-3day-follow-up", 72 * 60));
        InstalledTemplate installed = w.templates.installed().get(0);
        assertThat(installed.templateId()).isEqualTo("medical-regional");
        assertThat(installed.name()).isEqualTo("医疗器械区域销售");
        assertThat(keys(installed.items().stream().map(i -> new PlanLine(i.kind(), i.key(), i.key(), null)).toList()))
                .isEqualTo(keys(plan.changes()));
    }

    @Test
    void anItemTheWorkspaceHasAlreadyIsReportedAndLeftAsItIs() {
        w.fields.define(w.org.admin.asActor(), CustomEntity.CUSTOMER,
                new CustomFieldDraft("床位（张）", "bed_count", FieldType.NUMBER, List.of(), true, null, null));

        InstallPlan plan = w.templates.install(w.org.admin.asActor(), w.builtIn("medical-regional"), TemplateWorkspace.ZH);

        assertThat(plan.existing()).extracting(PlanLine::key, PlanLine::label, PlanLine::existingLabel)
                .containsExactly(tuple("CUSTOMER/bed_count", "床位数", "床位（张）"));
        assertThat(w.fields.fields(CustomEntity.CUSTOMER)).filteredOn(f -> f.key().equals("bed_count"))
                .singleElement().satisfies(f -> {
                    assertThat(f.label()).isEqualTo("床位（张）");
                    assertThat(f.required()).isTrue();
                });
        // Uninstall leaves what the template did not add.
        w.templates.uninstall(w.org.admin.asActor(), "medical-regional");
        assertThat(w.fields.fields(CustomEntity.CUSTOMER)).extracting(CustomField::key).containsExactly("bed_count");
    }

    @Test
    void anItemRefusedHalfWayLeavesNothingInstalled() {
        Template good = w.builtIn("industrial-tiering");
        // The last item is refused by its service (a tier rule needs a count of at least 1).
        List<Template.TierRuleItem> tiers = new ArrayList<>(good.tierRules());
        tiers.add(new Template.TierRuleItem("坏规则", io.salesdesk.crm.Tier.C, io.salesdesk.crm.ActivityKind.VISIT, 0,
                io.salesdesk.insight.tier.Period.MONTH));
        Template bad = new Template(1, good.id(), 1, null, good.name(), good.description(), good.customFields(),
                good.automationRules(), good.boards(), good.approvalFlows(), good.slaRules(), good.funnels(), tiers,
                good.bonusFormula(), good.dispatchWeights(), good.formLayouts(), good.dashboardLayout(),
                good.onboardingPaths());
        BonusFormula before = w.tiers.formula();

        assertThatThrownBy(() -> w.templates.install(w.org.admin.asActor(), bad, TemplateWorkspace.ZH))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("template.install.itemRefused");
                    assertThat(e.arguments()).containsExactly("坏规则");
                    assertThat(e.getCause()).isInstanceOf(ValidationException.class);
                });

        assertThat(w.fields.allFields(CustomEntity.CUSTOMER)).isEmpty();
        assertThat(w.fields.allFields(CustomEntity.ACTIVITY)).isEmpty();
        assertThat(w.rules.rules()).isEmpty();
        assertThat(w.boards.boards(BoardKind.TASK)).noneMatch(b -> b.name().equals("技术演示任务"));
        assertThat(w.tiers.rules()).isEmpty();
        assertThat(w.tiers.formula()).isEqualTo(before);
        assertThat(w.templates.installed()).isEmpty();
        // And the good template still installs afterwards.
        w.templates.install(w.org.admin.asActor(), good, TemplateWorkspace.ZH);
        assertThat(w.tiers.rules()).hasSize(2);
    }

    @Test
    void aTemplateIsInstalledOnceAndCompanyWideItemsNeedACompanyWideRole() {
        Template medical = w.builtIn("medical-regional");
        assertThatThrownBy(() -> w.templates.install(w.org.zjManager.asActor(), medical, TemplateWorkspace.ZH))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("template.install.notAllowed"));
        // A manager may install one with only fields, rules and boards.
        w.templates.install(w.org.zjManager.asActor(), w.builtIn("key-account"), TemplateWorkspace.ZH);

        assertThatThrownBy(() -> w.templates.install(w.org.admin.asActor(), w.builtIn("key-account"),
                TemplateWorkspace.ZH)).isInstanceOfSatisfying(TemplateException.class,
                e -> assertThat(e.messageKey()).isEqualTo("template.install.already"));
    }

    @Test
    void uninstallRemovesWhatNobodyChangedAndKeepsAndListsWhatWasChanged() {
        w.templates.install(w.org.admin.asActor(), w.builtIn("key-account"), TemplateWorkspace.ZH);
        CustomField contact = w.fields.fields(CustomEntity.CUSTOMER).stream()
                .filter(f -> f.key().equals("tech_contact")).findFirst().orElseThrow();
        w.fields.update(w.org.admin.asActor(), contact.id(), contact.version(),
                new CustomFieldDraft("技术负责人", null, FieldType.TEXT, List.of(), false, null, "设备科主任或工程师"));

        UninstallReport report = w.templates.uninstall(w.org.admin.asActor(), "key-account");

        assertThat(report.kept()).extracting(PlanLine::kind, PlanLine::label)
                .containsExactly(tuple(ItemKind.FIELD, "技术负责人"));
        assertThat(report.removed()).extracting(PlanLine::kind).contains(ItemKind.RULE, ItemKind.BOARD, ItemKind.FIELD);
        assertThat(w.fields.fields(CustomEntity.CUSTOMER)).extracting(CustomField::key).containsExactly("tech_contact");
        assertThat(w.rules.rules()).isEmpty();
        assertThat(w.boards.boards(BoardKind.OPPORTUNITY)).noneMatch(b -> b.name().equals("大客户专项攻坚看板"));
        assertThat(w.templates.installed()).isEmpty();

        // Installing again switches the retired fields back on and leaves the kept one alone.
        InstallPlan again = w.templates.install(w.org.admin.asActor(), w.builtIn("key-account"), TemplateWorkspace.ZH);
        assertThat(again.lines()).filteredOn(l -> l.kind() == ItemKind.FIELD)
                .extracting(PlanLine::key, PlanLine::action).contains(
                        tuple("CUSTOMER/tech_contact", PlanLine.Action.EXISTS),
                        tuple("CUSTOMER/competitor", PlanLine.Action.RESTORE));
        assertThat(w.fields.fields(CustomEntity.CUSTOMER)).hasSize(6);
        assertThat(w.rules.rules()).hasSize(1);
    }

    @Test
    void uninstallPutsBackASettingTheTemplateReplacedUnlessSomeoneChangedItSince() {
        BonusFormula before = w.tiers.formula();
        w.templates.install(w.org.admin.asActor(), w.builtIn("industrial-tiering"), TemplateWorkspace.ZH);
        assertThat(w.tiers.formula().bands()).extracting(BonusBand::lowerPercent).containsExactly(0, 50, 80, 100);

        w.templates.uninstall(w.org.admin.asActor(), "industrial-tiering");
        assertThat(w.tiers.formula()).isEqualTo(before);

        w.templates.install(w.org.admin.asActor(), w.builtIn("industrial-tiering"), TemplateWorkspace.ZH);
        BonusFormula edited = new BonusFormula(List.of(new BonusBand(0, new BigDecimal("1.00"))));
        w.tiers.saveFormula(w.org.admin.asActor(), edited);
        UninstallReport report = w.templates.uninstall(w.org.admin.asActor(), "industrial-tiering");
        assertThat(report.kept()).extracting(PlanLine::kind).containsExactly(ItemKind.BONUS);
        assertThat(w.tiers.formula()).isEqualTo(edited);
    }

    @Test
    void anExportedConfigurationInstallsOnAnEmptyWorkspaceAsItWas() {
        for (String id : List.of("medical-regional", "key-account", "industrial-tiering")) {
            w.templates.install(w.org.admin.asActor(), w.builtIn(id), TemplateWorkspace.ZH);
        }
        List<ConfigItem> chosen = w.templates.exportable().values().stream().flatMap(List::stream)
                .filter(i -> !i.kind().setting() || i.kind() == ItemKind.BONUS).toList();
        String file = TemplateFile.write(w.templates.export("our-setup", 3, new Template.Text("我们的配置", "Our setup"),
                new Template.Text("导出测试", null), chosen));

        try (Database other = TestDatabases.hsqldb(otherDir)) {
            TemplateWorkspace empty = new TemplateWorkspace(other);
            Template read = TemplateFile.read(file, TemplateWorkspace.APP_VERSION);
            List<String> seeded = empty.templates.exportable().values().stream().flatMap(List::stream)
                    .map(ConfigItem::key).toList();
            InstallPlan plan = empty.templates.install(empty.org.admin.asActor(), read, TemplateWorkspace.ZH);

            // Only what every new workspace starts with (the default boards and SLA rules) was there already.
            assertThat(plan.existing()).extracting(PlanLine::key).isSubsetOf(seeded);
            assertThat(plan.changes()).extracting(PlanLine::kind).contains(ItemKind.FIELD, ItemKind.RULE,
                    ItemKind.BOARD, ItemKind.FLOW, ItemKind.SLA, ItemKind.TIER);
            Map<ItemKind, List<ConfigItem>> there = empty.templates.exportable();
            Map<ItemKind, List<ConfigItem>> here = w.templates.exportable();
            for (ItemKind kind : List.of(ItemKind.FIELD, ItemKind.RULE, ItemKind.FLOW, ItemKind.SLA, ItemKind.TIER,
                    ItemKind.BONUS)) {
                assertThat(there.get(kind)).extracting(ConfigItem::key, ConfigItem::item)
                        .as(kind.name()).containsExactlyInAnyOrderElementsOf(here.get(kind).stream()
                                .map(i -> tuple(i.key(), i.item())).toList());
            }
            assertThat(there.get(ItemKind.BOARD)).extracting(ConfigItem::item)
                    .containsAll(here.get(ItemKind.BOARD).stream().map(ConfigItem::item).toList());
        }
    }

    @Test
    void exportingARuleTakesTheCustomFieldsItUsesAlong() {
        w.templates.install(w.org.admin.asActor(), w.builtIn("key-account"), TemplateWorkspace.ZH);
        List<ConfigItem> rulesOnly = w.templates.exportable().get(ItemKind.RULE);

        Template exported = w.templates.export("rules-only", 1, new Template.Text("只有规则", null), null, rulesOnly);

        assertThat(exported.automationRules()).hasSize(1);
        assertThat(exported.customFields()).extracting(Template.Field::key).containsExactly("key_account");
    }
}
