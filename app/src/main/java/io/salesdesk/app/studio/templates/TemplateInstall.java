package io.salesdesk.app.studio.templates;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.studio.template.InstallPlan;
import io.salesdesk.studio.template.Template;
import io.salesdesk.studio.template.TemplateException;
import io.salesdesk.studio.template.TemplateService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/**
 * Installing a template: read, checked and planned off the FX thread, the plan shown with 安装 / 取消,
 * then installed and what changed reported. Used by the gallery (built-ins and 从文件安装…) and by a
 * template file opened with SalesDesk (a double-click, or {@code salesdesk FILE.sdtemplate}).
 */
public final class TemplateInstall {

    /** Template files' own extension, so the desktop opens them with SalesDesk and not every JSON file. */
    public static final String EXTENSION = "sdtemplate";
    /** What the open dialog also accepts: templates exported before they had their own extension. */
    static final String OLD_EXTENSION = "json";

    private final AppContext context;
    private final Runnable changed;

    /** {@code changed} runs after an install, or a failure, so a gallery shows the workspace as it is. */
    public TemplateInstall(AppContext context, Runnable changed) {
        this.context = context;
        this.changed = changed;
    }

    /** Plans a built-in template and asks, as for a file. */
    void builtIn(Template template) {
        if (!TemplateService.mayInstall(context.currentUser().asActor(), template)) {
            info(Alert.AlertType.WARNING, I18n.get("templates.notAllowed", TemplateTexts.name(template)));
            return;
        }
        BackgroundTask.wrap(() -> context.templates().plan(template)).onSuccess(this::confirmAndInstall)
                .onFailure(this::fail).executeWith(context.executor());
    }

    /** Reads, checks and plans a template file, then shows the plan; a missing or broken file is explained. */
    public void file(Path file) {
        BackgroundTask.wrap(() -> {
            if (!Files.isRegularFile(file)) {
                throw new SalesDeskException("templates.file.notFound", file.toAbsolutePath());
            }
            try (InputStream in = Files.newInputStream(file)) {
                return context.templates().plan(context.templates().read(in));
            } catch (IOException e) {
                throw new TemplateException(e, "template.file.unreadable", e.getMessage());
            }
        }).onSuccess(plan -> {
            if (!TemplateService.mayInstall(context.currentUser().asActor(), plan.template())) {
                info(Alert.AlertType.WARNING, I18n.get("templates.notAllowed", TemplateTexts.name(plan.template())));
                return;
            }
            confirmAndInstall(plan);
        }).onFailure(error -> {
            // The file's name in the header: opened from the desktop, the user may not know which one it was.
            show(Alert.AlertType.ERROR, I18n.get("templates.error.fileHeader", file.getFileName()),
                    TemplateTexts.error(error));
            changed.run();
        }).executeWith(context.executor());
    }

    private void confirmAndInstall(InstallPlan plan) {
        if (!new TemplatePlanDialog(plan).showAndWait().orElse(false)) {
            return;
        }
        Template t = plan.template();
        BackgroundTask.wrap(() -> context.templates().install(context.currentUser().asActor(), t, I18n.locale()))
                .onSuccess(done -> {
                    changed.run();
                    String text = done.upgrade()
                            ? I18n.get("templates.done.upgraded", TemplateTexts.name(t), t.version(),
                                    done.changes().size())
                            : I18n.get("templates.done", TemplateTexts.name(t), done.changes().size());
                    if (!done.keptChanged().isEmpty()) {
                        text += "\n\n" + I18n.get("templates.done.keptChanged", done.keptChanged().size()) + "\n"
                                + TemplateTexts.lines(done.keptChanged());
                    }
                    if (!done.existing().isEmpty()) {
                        text += "\n\n" + I18n.get("templates.done.existing", done.existing().size()) + "\n"
                                + TemplateTexts.lines(done.existing());
                    }
                    info(Alert.AlertType.INFORMATION, text);
                }).onFailure(this::fail).executeWith(context.executor());
    }

    private void fail(Throwable error) {
        info(Alert.AlertType.ERROR, TemplateTexts.error(error));
        changed.run();
    }

    static void info(Alert.AlertType type, String text) {
        show(type, type == Alert.AlertType.ERROR ? I18n.get("templates.error.header") : null, text);
    }

    private static void show(Alert.AlertType type, String header, String text) {
        Alert alert = new Alert(type, text, ButtonType.OK);
        alert.setTitle(I18n.get("app.title"));
        alert.setHeaderText(header);
        alert.getDialogPane().setId("templateMessage");
        alert.getDialogPane().setMinWidth(480);
        Stylesheets.addTo(alert.getDialogPane());
        alert.show();
    }
}
