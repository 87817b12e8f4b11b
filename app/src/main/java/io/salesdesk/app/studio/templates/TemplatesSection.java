package io.salesdesk.app.studio.templates;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.app.studio.CustomFieldsSection;
import io.salesdesk.studio.template.InstallPlan;
import io.salesdesk.studio.template.InstalledTemplate;
import io.salesdesk.studio.template.Template;
import io.salesdesk.studio.template.TemplateService;
import io.salesdesk.studio.template.UninstallReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Settings → Studio → 场景模板: the gallery of built-in templates, each with what it adds and 安装 (the
 * plan first) or, once installed, 卸载; 从文件安装… for a template file, 导出为模板… for the workspace's
 * own configuration.
 */
public final class TemplatesSection extends VBox {

    private static final double CARD_WIDTH = 272;

    private final AppContext context;
    private final FlowPane gallery = new FlowPane(12, 12);

    public TemplatesSection(AppContext context, CustomFieldsSection.VBoxFiller filler) {
        this.context = context;
        setId("templatesSection");
        gallery.setId("templateGallery");
        gallery.setPrefWrapLength(3 * CARD_WIDTH + 2 * 12);

        Button fromFile = new Button(I18n.get("templates.fromFile"), new FontIcon(Feather.UPLOAD));
        fromFile.setId("installTemplateFromFile");
        fromFile.setOnAction(e -> installFromFile());
        Button export = new Button(I18n.get("templates.export"), new FontIcon(Feather.DOWNLOAD));
        export.setId("exportTemplate");
        export.setOnAction(e -> new TemplateExportDialog(context).showAndWait());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, spacer, fromFile, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        filler.fill(this, I18n.get("templates.title"), I18n.get("templates.hint"), bar, gallery);
        load();
    }

    private TemplateService templates() {
        return context.templates();
    }

    /** What the gallery shows, read together off the FX thread. */
    private record Loaded(List<Template> builtIns, Map<String, InstalledTemplate> installed) {
    }

    private void load() {
        BackgroundTask.wrap(() -> new Loaded(templates().builtIns(), templates().installed().stream()
                        .collect(Collectors.toMap(InstalledTemplate::templateId, Function.identity()))))
                .onSuccess(this::show).onFailure(this::fail).executeWith(context.executor());
    }

    private void show(Loaded loaded) {
        gallery.getChildren().clear();
        for (Template t : loaded.builtIns()) {
            gallery.getChildren().add(card(t, loaded.installed().get(t.id())));
        }
        // Templates installed from files have no card of their own: they get one so they can be uninstalled.
        loaded.installed().values().stream()
                .filter(i -> loaded.builtIns().stream().noneMatch(t -> t.id().equals(i.templateId())))
                .forEach(i -> gallery.getChildren().add(fileCard(i)));
    }

    private VBox card(Template t, InstalledTemplate installed) {
        Label name = new Label(TemplateTexts.name(t));
        name.getStyleClass().add(Styles.TITLE_4);
        name.setWrapText(true);
        Label description = new Label(TemplateTexts.description(t));
        description.setWrapText(true);
        description.getStyleClass().add(Styles.TEXT_MUTED);
        description.setMinHeight(Region.USE_PREF_SIZE);
        Label contents = new Label(TemplateTexts.contents(t), new FontIcon(Feather.PACKAGE));
        contents.setWrapText(true);
        contents.getStyleClass().add(Styles.TEXT_SMALL);
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        HBox footer = footer(installed, () -> install(t), t.id());
        if (installed != null && installed.version() < t.version()) {
            // The built-in is newer than the installed version: 升级 installs it over the old one.
            Button upgrade = new Button(I18n.get("templates.upgrade", t.version()),
                    new FontIcon(Feather.ARROW_UP_CIRCLE));
            upgrade.setId("upgradeTemplate-" + t.id());
            upgrade.getStyleClass().add(Styles.ACCENT);
            upgrade.setOnAction(e -> install(t));
            upgrade.setDisable(!TemplateService.mayInstall(context.currentUser().asActor(), t));
            footer.getChildren().add(footer.getChildren().size() - 1, upgrade);
        }
        if (installed == null && !TemplateService.mayInstall(context.currentUser().asActor(), t)) {
            // Flows, SLAs and pay settings bind the whole company: say who can install it instead of failing.
            Label who = new Label(I18n.get("templates.needsCompanyRole"), new FontIcon(Feather.LOCK));
            who.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            who.setWrapText(true);
            footer.getChildren().add(0, who);
            footer.getChildren().get(footer.getChildren().size() - 1).setDisable(true);
        }
        VBox card = new VBox(8, name, description, contents, grow, footer);
        return styled(card, t.id(), installed != null);
    }

    private VBox fileCard(InstalledTemplate installed) {
        Label name = new Label(installed.name());
        name.getStyleClass().add(Styles.TITLE_4);
        Label from = new Label(I18n.get("templates.fromFileCard", installed.items().size()));
        from.getStyleClass().add(Styles.TEXT_MUTED);
        from.setWrapText(true);
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        return styled(new VBox(8, name, from, grow, footer(installed, null, installed.templateId())),
                installed.templateId(), true);
    }

    private HBox footer(InstalledTemplate installed, Runnable install, String id) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        if (installed == null) {
            Button add = new Button(I18n.get("templates.install"), new FontIcon(Feather.DOWNLOAD_CLOUD));
            add.setId("installTemplate-" + id);
            add.getStyleClass().add(Styles.ACCENT);
            add.setOnAction(e -> install.run());
            HBox footer = new HBox(8, spacer, add);
            footer.setAlignment(Pos.CENTER_LEFT);
            return footer;
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern(I18n.get("format.date"));
        Label state = new Label(I18n.get("templates.installed", installed.version(),
                day.format(installed.installedAt().atZoneSameInstant(context.clock().getZone()))),
                new FontIcon(Feather.CHECK_CIRCLE));
        state.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_SMALL);
        state.setId("templateInstalled-" + id);
        Button remove = new Button(I18n.get("templates.uninstall"), new FontIcon(Feather.TRASH_2));
        remove.setId("uninstallTemplate-" + id);
        remove.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
        remove.setOnAction(e -> uninstall(installed));
        HBox footer = new HBox(8, state, spacer, remove);
        footer.setAlignment(Pos.CENTER_LEFT);
        return footer;
    }

    private static VBox styled(VBox card, String id, boolean installed) {
        card.setId("templateCard-" + id);
        card.getStyleClass().add("template-card");
        if (installed) {
            card.getStyleClass().add("template-card-installed");
        }
        card.setPrefWidth(CARD_WIDTH);
        card.setMinHeight(200);
        return card;
    }

    private void install(Template template) {
        new TemplateInstall(context, this::load).builtIn(template);
    }

    private void uninstall(InstalledTemplate installed) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, I18n.get("templates.uninstall.confirm",
                installed.name()), ButtonType.OK, ButtonType.CANCEL);
        confirm.setTitle(I18n.get("app.title"));
        confirm.setHeaderText(null);
        confirm.getDialogPane().setId("templateUninstallConfirm");
        Stylesheets.addTo(confirm.getDialogPane());
        Optional<ButtonType> answer = confirm.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return;
        }
        BackgroundTask.wrap(() -> templates().uninstall(context.currentUser().asActor(), installed.templateId()))
                .onSuccess(report -> {
                    load();
                    info(Alert.AlertType.INFORMATION, report(installed.name(), report));
                }).onFailure(this::fail).executeWith(context.executor());
    }

    private static String report(String name, UninstallReport report) {
        StringBuilder text = new StringBuilder(I18n.get("templates.uninstalled", name, report.removed().size()));
        if (!report.kept().isEmpty()) {
            text.append("\n\n").append(I18n.get("templates.uninstalled.kept", report.kept().size())).append('\n')
                    .append(TemplateTexts.lines(report.kept()));
        }
        if (!report.gone().isEmpty()) {
            text.append("\n\n").append(I18n.get("templates.uninstalled.gone", report.gone().size()));
        }
        return text.toString();
    }

    private void installFromFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("templates.fromFile"));
        // Files exported before templates had their own extension are .json: still offered.
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("templates.fileTypeOpen"),
                "*." + TemplateInstall.EXTENSION, "*." + TemplateInstall.OLD_EXTENSION));
        java.io.File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            installFrom(file.toPath());
        }
    }

    /** Reads, checks and plans a template file, then asks as for a built-in one. */
    void installFrom(Path file) {
        new TemplateInstall(context, this::load).file(file);
    }

    private void fail(Throwable error) {
        info(Alert.AlertType.ERROR, TemplateTexts.error(error));
        load();
    }

    private static void info(Alert.AlertType type, String text) {
        TemplateInstall.info(type, text);
    }
}
