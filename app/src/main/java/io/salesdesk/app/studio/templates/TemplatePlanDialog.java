package io.salesdesk.app.studio.templates;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.studio.template.InstallPlan;
import io.salesdesk.studio.template.PlanLine;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "What will be added": the plan of an install, shown before anything is written; 安装 confirms it. */
final class TemplatePlanDialog extends Dialog<Boolean> {

    TemplatePlanDialog(InstallPlan plan) {
        setTitle(I18n.get("templates.plan.title"));
        // Opening the file of a template already installed at its version is a check, not an upgrade.
        boolean sameVersion = plan.upgrade() && plan.installedVersion() == plan.template().version();
        setHeaderText(sameVersion
                ? I18n.get("templates.plan.sameVersionHeader", TemplateTexts.name(plan.template()), plan.installedVersion())
                : plan.upgrade()
                ? I18n.get("templates.plan.upgradeHeader", TemplateTexts.name(plan.template()), plan.installedVersion(),
                        plan.template().version())
                : I18n.get("templates.plan.header", TemplateTexts.name(plan.template()), plan.template().version()));
        getDialogPane().setId("templatePlanDialog");
        Stylesheets.addTo(getDialogPane());

        VBox body = new VBox(12);
        body.setPrefWidth(560);
        // Conflicts first: while there is one, nothing can be installed.
        group(body, "templates.plan.conflict", plan.conflicts(), Feather.ALERT_OCTAGON, Styles.DANGER);
        group(body, "templates.plan.add", lines(plan, PlanLine.Action.ADD), Feather.PLUS_CIRCLE, Styles.SUCCESS);
        group(body, "templates.plan.update", lines(plan, PlanLine.Action.UPDATE), Feather.ARROW_UP_CIRCLE,
                Styles.ACCENT);
        group(body, "templates.plan.restore", lines(plan, PlanLine.Action.RESTORE), Feather.ROTATE_CCW, Styles.ACCENT);
        group(body, "templates.plan.replace", lines(plan, PlanLine.Action.REPLACE), Feather.REFRESH_CW, Styles.WARNING);
        group(body, "templates.plan.merge", lines(plan, PlanLine.Action.MERGE), Feather.GIT_MERGE, Styles.ACCENT);
        group(body, "templates.plan.keepChanged", plan.keptChanged(), Feather.SHIELD, Styles.WARNING);
        group(body, "templates.plan.exists", plan.existing(), Feather.SKIP_FORWARD, Styles.TEXT_MUTED);
        if (plan.changes().isEmpty() && plan.conflicts().isEmpty()) {
            Label nothing = new Label(I18n.get("templates.plan.nothing"));
            nothing.setWrapText(true);
            body.getChildren().add(nothing);
        }
        Label after = new Label(I18n.get("templates.plan.after"));
        after.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        after.setWrapText(true);
        body.getChildren().add(after);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        long groups = plan.lines().stream().map(PlanLine::action).distinct().count();
        scroll.setPrefViewportHeight(Math.min(480, 100 + 22 * plan.lines().size() + 40 * groups));
        getDialogPane().setContent(scroll);

        ButtonType install = new ButtonType(
                I18n.get(plan.upgrade() ? "templates.plan.upgradeButton" : "templates.install"),
                ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(install, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(install);
        ok.setId("templatePlanInstall");
        ok.getStyleClass().add(Styles.ACCENT);
        ok.setDisable(plan.changes().isEmpty() || !plan.conflicts().isEmpty());
        setResultConverter(button -> button == install);
    }

    private static List<PlanLine> lines(InstallPlan plan, PlanLine.Action action) {
        return plan.lines().stream().filter(l -> l.action() == action).toList();
    }

    private static void group(VBox body, String titleKey, List<PlanLine> lines, Feather icon, String style) {
        if (lines.isEmpty()) {
            return;
        }
        FontIcon mark = new FontIcon(icon);
        mark.getStyleClass().add(style);
        Label title = new Label(I18n.get(titleKey, lines.size()), mark);
        title.getStyleClass().add(Styles.TEXT_BOLD);
        VBox items = new VBox(4);
        items.getStyleClass().add("template-plan-group");
        for (PlanLine line : lines) {
            Label text = new Label(TemplateTexts.line(line));
            if (line.action() == PlanLine.Action.CONFLICT) {
                text.getStyleClass().add(Styles.DANGER);
            }
            text.setWrapText(true);
            items.getChildren().add(text);
        }
        body.getChildren().add(new VBox(6, title, items));
    }
}
