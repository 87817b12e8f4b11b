package io.salesdesk.studio.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.salesdesk.board.BoardKind;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.studio.board.KeyAccountBoardExample;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.studio.rule.AutomationRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template's fields matched with the workspace's (kept, choices merged, or a conflict that refuses the
 * install), and a newer version of an installed template installed over it, on a real HSQLDB.
 */
class TemplateMatchAndUpgradeTest {

    @TempDir
    Path dataDir;

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

    private CustomField field(String key) {
        return w.fields.allFields(CustomEntity.CUSTOMER).stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow();
    }

    private void define(String label, String key, FieldType type, List<String> choices) {
        w.fields.define(w.org.admin.asActor(), CustomEntity.CUSTOMER,
                new CustomFieldDraft(label, key, type, choices, false, null, null));
    }

    @Test
    void keyAccountOnAWorkspaceWithTheBoardExampleKeepsTheExampleFieldsAndAddsNoSecondOnes() {
        new KeyAccountBoardExample(w.fields).prepare(w.org.admin.asActor());

        InstallPlan plan = w.templates.install(w.org.admin.asActor(), w.builtIn("key-account"), TemplateWorkspace.ZH);

        assertThat(plan.lines()).filteredOn(l -> l.kind() == ItemKind.FIELD)
                .extracting(PlanLine::key, PlanLine::action).contains(
                        tuple("CUSTOMER/competitor", PlanLine.Action.EXISTS),
                        tuple("CUSTOMER/attack_stage", PlanLine.Action.EXISTS),
                        tuple("CUSTOMER/tech_contact", PlanLine.Action.ADD));
        assertThat(w.fields.fields(CustomEntity.CUSTOMER)).extracting(CustomField::label)
                .doesNotHaveDuplicates().contains("竞争对手", "攻坚阶段", "技术联系人");
        assertThat(field("competitor").choices()).isEqualTo(KeyAccountBoardExample.COMPETITORS);

        // The example's fields were never the template's: uninstall leaves them.
        w.templates.uninstall(w.org.admin.asActor(), "key-account");
        assertThat(w.fields.fields(CustomEntity.CUSTOMER)).extracting(CustomField::key)
                .containsExactlyInAnyOrder("attack_stage", "competitor");
    }

    @Test
    void aChoiceFieldWithFewerChoicesIsKeptAndGetsTheTemplatesOthers() {
        define("竞争对手", "competitor", FieldType.MULTI_CHOICE, List.of("联影", "迈瑞", "本地厂商"));

        InstallPlan plan = w.templates.plan(w.builtIn("key-account"));

        assertThat(plan.lines()).filteredOn(l -> l.key().equals("CUSTOMER/competitor")).singleElement()
                .satisfies(l -> {
                    assertThat(l.action()).isEqualTo(PlanLine.Action.MERGE);
                    assertThat(l.note()).isEqualTo(new PlanLine.Note(PlanLine.Reason.CHOICES_ADDED,
                            List.of("GE", "飞利浦", "西门子", "其他")));
                });
        w.templates.install(w.org.admin.asActor(), w.builtIn("key-account"), TemplateWorkspace.ZH);
        assertThat(field("competitor").choices())
                .containsExactly("联影", "迈瑞", "本地厂商", "GE", "飞利浦", "西门子", "其他");
        assertThat(w.fields.fields(CustomEntity.CUSTOMER)).extracting(CustomField::label).doesNotHaveDuplicates();
    }

    @Test
    void aFieldOfAnotherTypeUnderTheSameKeyIsAConflictAndNothingIsInstalled() {
        define("竞争对手", "competitor", FieldType.TEXT, List.of());

        InstallPlan plan = w.templates.plan(w.builtIn("key-account"));

        assertThat(plan.conflicts()).singleElement().satisfies(l -> {
            assertThat(l.key()).isEqualTo("CUSTOMER/competitor");
            assertThat(l.note()).isEqualTo(new PlanLine.Note(PlanLine.Reason.TYPE_DIFFERS,
                    List.of("TEXT", "MULTI_CHOICE")));
        });
        assertThatThrownBy(() -> w.templates.install(w.org.admin.asActor(), w.builtIn("key-account"),
                TemplateWorkspace.ZH)).isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("template.install.conflict");
                    assertThat(e.arguments()).containsExactly("竞争对手", 1);
                });
        assertThat(w.fields.fields(CustomEntity.CUSTOMER)).extracting(CustomField::key).containsExactly("competitor");
        assertThat(w.rules.rules()).isEmpty();
        assertThat(w.boards.boards(BoardKind.OPPORTUNITY)).noneMatch(b -> b.name().equals("大客户专项攻坚看板"));
        assertThat(w.templates.installed()).isEmpty();
    }

    @Test
    void theTemplatesLabelUsedByAFieldUnderAnotherKeyIsAConflict() {
        define("竞争对手", "rivals", FieldType.MULTI_CHOICE, List.of("迈瑞"));

        assertThat(w.templates.plan(w.builtIn("key-account")).conflicts()).singleElement()
                .extracting(PlanLine::key, PlanLine::note).containsExactly("CUSTOMER/competitor",
                        new PlanLine.Note(PlanLine.Reason.LABEL_TAKEN, List.of("rivals")));
    }

    // ------------------------------------------------------------------ upgrade

    private static final String V1 = """
            { "format": 1, "id": "grading", "version": 1, "name": {"zh": "客户评级"},
              "customFields": [
                {"entity": "CUSTOMER", "key": "grade", "label": "客户评级", "type": "SINGLE_CHOICE", "choices": ["A", "B"]},
                {"entity": "CUSTOMER", "key": "memo", "label": "备注要点", "type": "TEXT"},
                {"entity": "CUSTOMER", "key": "region_note", "label": "区域说明", "type": "TEXT"} ],
              "automationRules": [ { "name": "A 级客户 10 天无拜访", "entity": "CUSTOMER",
                "trigger": {"kind": "NO_ACTIVITY", "activityKind": "VISIT", "days": 10},
                "conditions": {"match": "ALL", "rows": [{"field": "custom.grade", "operator": "EQ", "value": "A"}]},
                "actions": [{"kind": "CREATE_TASK", "text": "拜访{客户}", "days": 3}], "enabled": true } ] }
            """;

    /** v2 adds choice C, renames 备注要点, visits A customers after 7 days, and adds 预算. */
    private static final String V2 = V1.replace("\"version\": 1", "\"version\": 2")
            .replace("[\"A\", \"B\"]", "[\"A\", \"B\", \"C\"]").replace("备注要点", "备注要点（新）")
            .replace("\"days\": 10", "\"days\": 7")
            .replace("{\"entity\": \"CUSTOMER\", \"key\": \"memo\"", "{\"entity\": \"CUSTOMER\", \"key\": \"budget\", "
                    + "\"label\": \"预算\", \"type\": \"MONEY\"},\n{\"entity\": \"CUSTOMER\", \"key\": \"memo\"");

    private static Template read(String json) {
        return TemplateFile.read(json, TemplateWorkspace.APP_VERSION);
    }

    @Test
    void aNewerVersionUpdatesWhatNobodyChangedKeepsWhatWasChangedAndAddsWhatIsNew() {
        w.templates.install(w.org.zjManager.asActor(), read(V1), TemplateWorkspace.ZH);
        CustomField memo = field("memo");
        w.fields.update(w.org.zjManager.asActor(), memo.id(), memo.version(),
                new CustomFieldDraft("我的备注", null, FieldType.TEXT, List.of(), false, null, null));

        InstallPlan plan = w.templates.plan(read(V2));

        assertThat(plan.upgrade()).isTrue();
        assertThat(plan.installedVersion()).isEqualTo(1);
        assertThat(plan.lines()).extracting(PlanLine::key, PlanLine::action).containsExactly(
                tuple("CUSTOMER/grade", PlanLine.Action.UPDATE),
                tuple("CUSTOMER/budget", PlanLine.Action.ADD),
                tuple("CUSTOMER/memo", PlanLine.Action.KEEP_CHANGED),
                tuple("CUSTOMER/region_note", PlanLine.Action.EXISTS),
                tuple("A 级客户 10 天无拜访", PlanLine.Action.UPDATE));

        w.templates.install(w.org.zjManager.asActor(), read(V2), TemplateWorkspace.ZH);

        assertThat(w.templates.installed()).singleElement().satisfies(i -> assertThat(i.version()).isEqualTo(2));
        assertThat(field("grade").choices()).containsExactly("A", "B", "C");
        assertThat(field("memo").label()).isEqualTo("我的备注");
        assertThat(field("budget").type()).isEqualTo(FieldType.MONEY);
        assertThat(w.rules.rules()).singleElement().extracting(AutomationRule::definition)
                .satisfies(d -> assertThat(d.trigger().days()).isEqualTo(7));

        // The same version again has nothing to add.
        InstallPlan again = w.templates.plan(read(V2));
        assertThat(again.changes()).isEmpty();
        assertThat(again.lines()).extracting(PlanLine::action).containsOnly(PlanLine.Action.EXISTS);
        assertThatThrownBy(() -> w.templates.install(w.org.zjManager.asActor(), read(V2), TemplateWorkspace.ZH))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("template.install.already"));
        assertThatThrownBy(() -> w.templates.install(w.org.zjManager.asActor(), read(V1), TemplateWorkspace.ZH))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("template.install.older"));

        // Uninstall after the upgrade: what either version added and nobody changed goes; 我的备注 stays.
        UninstallReport report = w.templates.uninstall(w.org.zjManager.asActor(), "grading");
        assertThat(report.kept()).extracting(PlanLine::key).containsExactly("CUSTOMER/memo");
        assertThat(w.fields.fields(CustomEntity.CUSTOMER)).extracting(CustomField::key).containsExactly("memo");
        assertThat(w.rules.rules()).isEmpty();
    }
}
