package io.salesdesk.app.studio.rules;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.studio.rule.AutomationRule;
import io.salesdesk.studio.rule.RuleAction;
import io.salesdesk.studio.rule.RuleCondition;
import io.salesdesk.studio.rule.RuleConditions;
import io.salesdesk.studio.rule.RuleDefinition;
import io.salesdesk.studio.rule.RuleMatch;
import io.salesdesk.studio.rule.RuleTest;
import io.salesdesk.studio.rule.RuleTrigger;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The rule builder (新建 / 编辑自动化规则), for people who do not program: a name; 对象 — customers,
 * leads or opportunities; 何时 — a trigger picked from a list with its few blanks ({@link TriggerEditor});
 * 筛选条件 — rows of field · comparison · value, all or any; 执行动作 — rows of what to do. 测试 shows which
 * records match now without doing anything.
 */
final class RuleBuilderDialog extends FormDialog<AutomationRule> {

    private static final int TEST_SHOWN = 10;

    private final AppContext context;
    private final RuleChoices choices;
    private final AutomationRule existing;
    private final TextField name = new TextField();
    private final ComboBox<String> entity = Pickers.of(RuleDefinition.ENTITIES, e -> I18n.get("rules.entity." + e), "");
    private final TriggerEditor trigger;
    private final ComboBox<RuleConditions.Match> match = Pickers.of(List.of(RuleConditions.Match.values()),
            m -> I18n.get("rules.dialog.match." + m.name()), "");
    private final VBox conditionRows = new VBox(8);
    private final VBox actionRows = new VBox(8);
    private final Label noConditions = new Label();
    private final TextField expression = new TextField();
    private final CheckBox enabled = new CheckBox(I18n.get("rules.dialog.enabled"));
    private final Label testResult = new Label();
    private final ListView<String> testList = new ListView<>();

    RuleBuilderDialog(AppContext context, RuleChoices choices, AutomationRule existing) {
        super(I18n.get(existing == null ? "rules.dialog.newTitle" : "rules.dialog.editTitle"), "ruleSave");
        this.context = context;
        this.choices = choices;
        this.existing = existing;
        name.setId("ruleName");
        name.setPromptText(I18n.get("rules.dialog.namePrompt"));
        entity.setId("ruleEntity");
        trigger = new TriggerEditor(choices, this::fitWindow);
        match.setId("ruleMatch");
        expression.setId("ruleExpression");
        expression.setPromptText(I18n.get("rules.dialog.expressionPrompt"));
        Label expressionLabel = new Label(I18n.get("rules.dialog.expression"));
        expressionLabel.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox.setHgrow(expression, javafx.scene.layout.Priority.ALWAYS);
        noConditions.getStyleClass().add(Styles.TEXT_MUTED);
        enabled.setId("ruleEnabled");

        Button addCondition = new Button(I18n.get("rules.dialog.addCondition"), new FontIcon(Feather.PLUS));
        addCondition.setId("ruleAddCondition");
        addCondition.getStyleClass().add(Styles.FLAT);
        addCondition.setOnAction(e -> addCondition(null));
        Button addAction = new Button(I18n.get("rules.dialog.addAction"), new FontIcon(Feather.PLUS));
        addAction.setId("ruleAddAction");
        addAction.getStyleClass().add(Styles.FLAT);
        addAction.setOnAction(e -> addAction(null));
        Button test = new Button(I18n.get("rules.dialog.test"), new FontIcon(Feather.SEARCH));
        test.setId("ruleTest");
        test.setOnAction(e -> test());
        testResult.setId("ruleTestResult");
        testResult.setWrapText(true);
        testList.setId("ruleTestList");
        testList.setPrefHeight(124);
        shown(testList, false);
        Label testHint = new Label(I18n.get("rules.dialog.test.hint"));
        testHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        testHint.setWrapText(true);

        VBox form = new VBox(14,
                field("name", I18n.get("rules.dialog.name"), name),
                field("entity", I18n.get("rules.dialog.entity"), entity),
                field("trigger", I18n.get("rules.dialog.when"), trigger),
                field("conditions", I18n.get("rules.dialog.conditions"), new VBox(8, match, conditionRows, noConditions,
                        line(addCondition, expressionLabel, expression))),
                field("actions", I18n.get("rules.dialog.actions"), new VBox(8, actionRows, addAction)),
                enabled,
                section(new VBox(6, line(test, testResult), testHint, testList)));
        form.setPrefWidth(800);
        setForm(form);
        // AtlantaFX caps dialogs at 600 px; condition and action rows need the room.
        getDialogPane().getStyleClass().add("wide-dialog");
        getDialogPane().setPrefWidth(860);
        fill(existing);
        entity.valueProperty().addListener((o, was, now) -> changeEntity(now));
        expression.textProperty().addListener((o, was, now) -> updateConditions());
        updateConditions();
        setOnShown(e -> name.requestFocus());
    }

    private void fill(AutomationRule rule) {
        if (rule == null) {
            entity.setValue(RuleDefinition.CUSTOMER);
            trigger.useEntity(RuleDefinition.CUSTOMER);
            trigger.fill(null);
            match.setValue(RuleConditions.Match.ALL);
            addAction(RuleAction.createTask("", 3));
            enabled.setSelected(true);
            return;
        }
        RuleDefinition d = rule.definition();
        String on = d.entity() == null ? RuleDefinition.CUSTOMER : d.entity();
        name.setText(d.name());
        entity.setValue(on);
        trigger.useEntity(on);
        trigger.fill(d.trigger());
        match.setValue(d.conditions().match());
        d.conditions().rows().forEach(this::addCondition);
        expression.setText(d.conditions().expression() == null ? "" : d.conditions().expression());
        d.actions().forEach(this::addAction);
        enabled.setSelected(d.enabled());
        enabled.setText(I18n.get("rules.dialog.enabledExisting"));
    }

    /**
     * Another entity has other fields: the conditions (which name fields) start again, the actions keep
     * what they do with the new entity's fields.
     */
    private void changeEntity(String now) {
        trigger.useEntity(now);
        conditionRows.getChildren().clear();
        List<RuleAction> kept = new ArrayList<>();
        actionRows.getChildren().forEach(node -> kept.add(((ActionRow) node).action()));
        actionRows.getChildren().clear();
        kept.forEach(this::addAction);
        updateConditions();
    }

    private String entity() {
        return entity.getValue() == null ? RuleDefinition.CUSTOMER : entity.getValue();
    }

    private void addCondition(RuleCondition c) {
        conditionRows.getChildren().add(new ConditionRow(choices, choices.fields(entity()), c, row -> {
            conditionRows.getChildren().remove(row);
            updateConditions();
        }));
        updateConditions();
    }

    private void updateConditions() {
        boolean none = conditionRows.getChildren().isEmpty() && expression.getText().isBlank();
        noConditions.setText(I18n.get("rules.dialog.noConditions", I18n.get("rules.entityNoun." + entity())));
        shown(noConditions, none);
        shown(match, conditionRows.getChildren().size() > 1);
        fitWindow();
    }

    private void addAction(RuleAction a) {
        actionRows.getChildren().add(new ActionRow(choices, entity(), a, row -> {
            actionRows.getChildren().remove(row);
            fitWindow();
        }));
        fitWindow();
    }

    /** The rule as the dialog shows it; blanks stay blank for the service to name. */
    private RuleDefinition definition() {
        List<RuleCondition> conditions = new ArrayList<>();
        conditionRows.getChildren().forEach(node -> conditions.add(((ConditionRow) node).condition()));
        List<RuleAction> actions = new ArrayList<>();
        actionRows.getChildren().forEach(node -> actions.add(((ActionRow) node).action()));
        return new RuleDefinition(name.getText(), entity(), trigger.trigger(),
                new RuleConditions(match.getValue(), conditions, expression.getText()), actions, enabled.isSelected());
    }

    private void test() {
        clearProblems();
        RuleDefinition rule = definition();
        testResult.setText(I18n.get("rules.dialog.test.running"));
        BackgroundTask.wrap(() -> context.automationRules().test(rule, TEST_SHOWN)).onSuccess(this::showTest)
                .onFailure(error -> {
                    testResult.setText("");
                    showFailure(error);
                }).executeWith(context.executor());
    }

    private void showTest(RuleTest result) {
        String noun = I18n.get("rules.entityNoun." + entity());
        String text = result.count() == 0 ? I18n.get("rules.dialog.test.none", noun)
                : I18n.get("rules.dialog.test.result", result.count(), noun);
        RuleTrigger.Kind kind = trigger.kind();
        if (kind == RuleTrigger.Kind.DATE_RELATIVE) {
            text += " " + I18n.get("rules.dialog.test.dateHint");
        } else if (kind != RuleTrigger.Kind.NO_ACTIVITY) {
            text += " " + I18n.get("rules.dialog.test.eventHint");
        }
        testResult.setText(text);
        DateTimeFormatter date = DateTimeFormatter.ofPattern(I18n.get("format.date"));
        List<String> lines = new ArrayList<>();
        for (RuleMatch m : result.first()) {
            lines.add(kind == RuleTrigger.Kind.NO_ACTIVITY
                    ? I18n.get("rules.dialog.test.line", m.label(), date.format(m.anchor().atZoneSameInstant(
                    context.clock().getZone())), trigger.activityKind() == null
                    ? I18n.get("rules.dialog.test.anyActivity") : I18n.get("activityKind." + trigger.activityKind()))
                    : m.label());
        }
        if (result.count() > result.first().size()) {
            lines.add(I18n.get("rules.dialog.test.more", result.count() - result.first().size(), noun));
        }
        testList.getItems().setAll(lines);
        shown(testList, !lines.isEmpty());
        fitWindow();
    }

    @Override
    protected void save() {
        RuleDefinition rule = definition();
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.automationRules().save(actor, existing == null ? null : existing.id(),
                        existing == null ? 0 : existing.version(), rule))
                .onSuccess(this::finish)
                .onFailure(error -> {
                    if (error instanceof StaleRecordException) {
                        ErrorDialogs.show(error);
                        close();
                    } else {
                        showFailure(error);
                    }
                }).executeWith(context.executor());
    }

    private static HBox line(Node... nodes) {
        HBox line = new HBox(8, nodes);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static Node section(VBox box) {
        box.getStyleClass().add("rule-test-box");
        return box;
    }

    private static void shown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
