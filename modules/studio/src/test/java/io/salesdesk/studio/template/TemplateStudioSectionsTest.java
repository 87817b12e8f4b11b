package io.salesdesk.studio.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.salesdesk.core.ValidationException;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.studio.form.FormLayout;
import io.salesdesk.studio.form.FormLayouts;
import io.salesdesk.studio.form.FormPlacement;
import io.salesdesk.studio.form.FormSection;
import io.salesdesk.studio.onboarding.OnboardingPath;
import io.salesdesk.studio.onboarding.PathStage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Form layouts, the team's dashboard and onboarding paths in templates, on a real HSQLDB. */
class TemplateStudioSectionsTest {

    static final List<String> WIDGETS = List.of("kpi.SIGNED_AMOUNT", "chart.signed", "kpi.RESPONSE_MEDIAN");

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDir;

    Database db;
    TemplateWorkspace w;

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dataDir);
        w = new TemplateWorkspace(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** The customer form of today with a 医院信息 section holding the template's own field. */
    static List<FormSection> hospitalForm() {
        List<FormSection> sections = new ArrayList<>(FormLayouts.defaultSections(CustomEntity.CUSTOMER));
        sections.add(new FormSection("医院信息", "Hospital", 2,
                List.of(FormPlacement.of("custom.bed_count", false).withRequired(true))));
        return sections;
    }

    static Template template(List<FormSection> customerForm, List<String> widgets, List<PathStage> stages) {
        String json = """
                { "format": 1, "id": "studio-sections", "version": 1, "name": {"zh": "表单看板路径"},
                  "customFields": [ {"entity": "CUSTOMER", "key": "bed_count", "label": "床位数", "type": "NUMBER"} ] }
                """;
        Template t = TemplateFile.read(json, TemplateWorkspace.APP_VERSION);
        return new Template(t.format(), t.id(), t.version(), null, t.name(), null, t.customFields(), null, null, null,
                null, null, null, null, null, List.of(new Template.Form(CustomEntity.CUSTOMER, customerForm)),
                widgets == null ? null : new Template.Dashboard(widgets),
                List.of(new Template.Onboarding("销售新人 30 天", "试用期路径", stages)));
    }

    static List<PathStage> newHireStages() {
        return TemplateFile.read("""
                { "format": 1, "id": "x-paths", "version": 1, "name": {"zh": "x"},
                  "onboardingPaths": [ { "name": "p", "stages": [
                    { "key": "learn", "name": "熟悉产品（第 1–30 天）", "fromDay": 1, "toDay": 30, "steps": [
                      { "key": "product", "kind": "LEARNING", "title": "学习产品手册", "dueDay": 10 },
                      { "key": "pitch", "kind": "DRILL", "title": "产品讲解演练", "dueDay": 25, "passScore": 80 },
                      { "key": "feedback-30", "kind": "FEEDBACK", "title": "30 天导师反馈", "dueDay": 30,
                        "questions": ["产品知识", "学习主动性"] } ] } ] } ] }
                """, TemplateWorkspace.APP_VERSION).onboardingPaths().get(0).stages();
    }

    @Test
    void installLaysOutTheFormSetsTheTeamDashboardAndAddsThePathAndUninstallTakesThemAway() {
        Template t = template(hospitalForm(), WIDGETS, newHireStages());

        InstallPlan plan = w.templates.install(w.org.zjManager.asActor(), t, TemplateWorkspace.ZH);

        assertThat(plan.lines()).extracting(PlanLine::kind, PlanLine::key, PlanLine::action).containsExactly(
                tuple(ItemKind.FIELD, "CUSTOMER/bed_count", PlanLine.Action.ADD),
                tuple(ItemKind.FORM, "CUSTOMER", PlanLine.Action.ADD),
                tuple(ItemKind.ONBOARDING, "销售新人 30 天", PlanLine.Action.ADD),
                tuple(ItemKind.DASHBOARD, WorkspaceConfig.DASHBOARD_KEY, PlanLine.Action.ADD));
        FormLayout form = w.forms.layout(CustomEntity.CUSTOMER);
        assertThat(form.saved()).isTrue();
        assertThat(form.sections()).extracting(FormSection::titleZh).containsExactly("基本信息", "医院信息");
        assertThat(form.placement("custom.bed_count")).hasValueSatisfying(p -> assertThat(p.required()).isTrue());
        assertThat(w.dashboards.teamDefault()).contains(WIDGETS);
        assertThat(w.onboarding.paths()).extracting(OnboardingPath::name).containsExactly("销售新人 30 天");
        assertThat(w.templates.installed().get(0).items()).extracting(InstalledTemplate.InstalledItem::kind)
                .containsExactly(ItemKind.FIELD, ItemKind.FORM, ItemKind.ONBOARDING, ItemKind.DASHBOARD);

        UninstallReport report = w.templates.uninstall(w.org.zjManager.asActor(), "studio-sections");

        assertThat(report.kept()).isEmpty();
        assertThat(report.removed()).extracting(PlanLine::kind)
                .containsExactly(ItemKind.DASHBOARD, ItemKind.ONBOARDING, ItemKind.FORM, ItemKind.FIELD);
        assertThat(w.forms.layout(CustomEntity.CUSTOMER).saved()).isFalse();
        assertThat(w.dashboards.teamDefault()).isEmpty();
        assertThat(w.onboarding.paths()).isEmpty();
    }

    @Test
    void uninstallKeepsAFormChangedSinceAndPutsBackTheTeamDashboardTheInstallReplaced() {
        w.dashboards.saveTeamDefault(w.org.zjManager.asActor(), List.of("kpi.CAC"));
        Template t = template(hospitalForm(), WIDGETS, newHireStages());
        assertThat(w.templates.plan(t).lines()).filteredOn(l -> l.kind() == ItemKind.DASHBOARD)
                .extracting(PlanLine::action).containsExactly(PlanLine.Action.REPLACE);
        w.templates.install(w.org.zjManager.asActor(), t, TemplateWorkspace.ZH);
        FormLayout installed = w.forms.layout(CustomEntity.CUSTOMER);
        List<FormSection> swapped = List.of(installed.sections().get(1), installed.sections().get(0));
        w.forms.save(w.org.zjManager.asActor(), CustomEntity.CUSTOMER, installed.version(), swapped);

        UninstallReport report = w.templates.uninstall(w.org.zjManager.asActor(), "studio-sections");

        assertThat(report.kept()).extracting(PlanLine::kind, PlanLine::key)
                .containsExactly(tuple(ItemKind.FORM, "CUSTOMER"));
        assertThat(w.forms.layout(CustomEntity.CUSTOMER).sections()).extracting(FormSection::titleZh)
                .containsExactly("医院信息", "基本信息");
        assertThat(w.dashboards.teamDefault()).contains(List.of("kpi.CAC"));
        assertThat(w.onboarding.paths()).isEmpty();
    }

    @Test
    void aFormThatLeavesOffAFieldTheRecordNeedsRefusesTheWholeInstall() {
        List<FormSection> noName = hospitalForm().stream().map(s -> s.withFields(s.fields().stream()
                .filter(p -> !p.field().equals("name")).toList())).toList();

        assertThatThrownBy(() -> w.templates.install(w.org.zjManager.asActor(), template(noName, WIDGETS,
                newHireStages()), TemplateWorkspace.ZH))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("template.install.itemRefused");
                    assertThat(e.arguments()).containsExactly("CUSTOMER");
                    assertThat(((ValidationException) e.getCause()).problems()).extracting(p -> p.messageKey())
                            .contains("studio.form.neededMissing");
                });
        assertThat(w.fields.allFields(CustomEntity.CUSTOMER)).isEmpty();
        assertThat(w.forms.layout(CustomEntity.CUSTOMER).saved()).isFalse();
        assertThat(w.dashboards.teamDefault()).isEmpty();
        assertThat(w.templates.installed()).isEmpty();
    }

    @Test
    void aPathOfTheSameNameIsLeftAsItIs() {
        w.onboarding.define(w.org.zjManager.asActor(), "销售新人 30 天", null,
                new io.salesdesk.studio.onboarding.PathDefinition(newHireStages().subList(0, 1)));

        InstallPlan plan = w.templates.install(w.org.zjManager.asActor(), template(hospitalForm(), null,
                newHireStages()), TemplateWorkspace.ZH);

        assertThat(plan.existing()).extracting(PlanLine::kind).containsExactly(ItemKind.ONBOARDING);
        assertThat(w.onboarding.paths()).hasSize(1);
    }

    @Test
    void aBadWidgetOrPathInTheFileIsNamedAndNothingIsRead() {
        assertThatThrownBy(() -> TemplateFile.read("""
                { "format": 1, "id": "bad-dash", "version": 1, "name": {"zh": "x"},
                  "dashboardLayout": { "widgets": ["kpi.SIGNED_AMOUNT", "kpi.PROFIT"] } }
                """, TemplateWorkspace.APP_VERSION))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("template.file.badValue");
                    assertThat(e.arguments()).containsExactly("dashboardLayout.widgets[2]", "kpi.PROFIT");
                });
        assertThatThrownBy(() -> TemplateFile.read("""
                { "format": 1, "id": "bad-path", "version": 1, "name": {"zh": "x"},
                  "onboardingPaths": [ { "name": "新人", "stages": [
                    { "key": "a", "name": "第一阶段", "fromDay": 2, "toDay": 30, "steps": [] } ] } ] }
                """, TemplateWorkspace.APP_VERSION))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("template.file.badItem");
                    assertThat(e.arguments()).containsExactly("onboardingPaths[1] 新人");
                    assertThat(((ValidationException) e.getCause()).problems()).extracting(p -> p.messageKey())
                            .containsExactly("studio.onboarding.stageDays");
                });
        assertThatThrownBy(() -> TemplateFile.read("""
                { "format": 1, "id": "bad-form", "version": 1, "name": {"zh": "x"},
                  "formLayouts": [ { "entity": "TASK", "sections": [ { "titleZh": "a", "columns": 2, "fields": [] } ] } ] }
                """, TemplateWorkspace.APP_VERSION))
                .isInstanceOfSatisfying(TemplateException.class, e ->
                        assertThat(e.arguments()).containsExactly("formLayouts[1].entity", "TASK"));
    }

    @Test
    void anExportedFormDashboardAndPathInstallOnAnEmptyWorkspaceAsTheyWere() {
        w.templates.install(w.org.zjManager.asActor(), template(hospitalForm(), WIDGETS, newHireStages()),
                TemplateWorkspace.ZH);
        Map<ItemKind, List<ConfigItem>> here = w.templates.exportable();
        List<ConfigItem> chosen = new ArrayList<>();
        for (ItemKind kind : List.of(ItemKind.FORM, ItemKind.DASHBOARD, ItemKind.ONBOARDING)) {
            assertThat(here.get(kind)).as(kind.name()).hasSize(1);
            chosen.addAll(here.get(kind));
        }
        chosen.addAll(here.get(ItemKind.FIELD));
        String file = TemplateFile.write(w.templates.export("our-forms", 1, new Template.Text("我们的表单", null), null,
                chosen));

        try (Database other = TestDatabases.hsqldb(otherDir)) {
            TemplateWorkspace empty = new TemplateWorkspace(other);
            InstallPlan plan = empty.templates.install(empty.org.zjManager.asActor(),
                    TemplateFile.read(file, TemplateWorkspace.APP_VERSION), TemplateWorkspace.ZH);

            assertThat(plan.existing()).isEmpty();
            Map<ItemKind, List<ConfigItem>> there = empty.templates.exportable();
            for (ItemKind kind : List.of(ItemKind.FIELD, ItemKind.FORM, ItemKind.DASHBOARD, ItemKind.ONBOARDING)) {
                assertThat(there.get(kind)).extracting(ConfigItem::key, ConfigItem::item).as(kind.name())
                        .containsExactlyElementsOf(here.get(kind).stream().map(i -> tuple(i.key(), i.item())).toList());
            }
            assertThat(empty.fields.fields(CustomEntity.CUSTOMER)).extracting(CustomField::type)
                    .containsExactly(FieldType.NUMBER);
        }
    }
}
