package io.salesdesk.app.studio.templates;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.studio.template.ConfigItem;
import io.salesdesk.studio.template.ItemKind;
import io.salesdesk.studio.template.Template;
import io.salesdesk.studio.template.TemplateFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBoxTreeItem;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.CheckBoxTreeCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * 导出为模板…: the workspace's fields, rules, boards, flows, SLA rules, funnels, tier rules, form layouts,
 * onboarding paths and settings (the team's dashboard among them) to
 * tick, a name for the template, and the file it is written to.
 */
final class TemplateExportDialog extends Dialog<File> {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final TextField id = new TextField("my-setup");
    private final TextField nameZh = new TextField();
    private final TextField nameEn = new TextField();
    private final TextField description = new TextField();
    private final Label problem = new Label();
    private final List<CheckBoxTreeItem<Object>> leaves = new ArrayList<>();

    TemplateExportDialog(AppContext context) {
        setTitle(I18n.get("templates.export.title"));
        setHeaderText(I18n.get("templates.export.header"));
        getDialogPane().setId("templateExportDialog");
        Stylesheets.addTo(getDialogPane());
        id.setId("exportTemplateId");
        nameZh.setId("exportTemplateName");
        nameZh.setText(I18n.get("templates.export.defaultName"));

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, new Label(I18n.get("templates.export.id")), id);
        form.addRow(1, new Label(I18n.get("templates.export.nameZh")), nameZh);
        form.addRow(2, new Label(I18n.get("templates.export.nameEn")), nameEn);
        form.addRow(3, new Label(I18n.get("templates.export.description")), description);
        id.setPrefWidth(360);

        CheckBoxTreeItem<Object> root = new CheckBoxTreeItem<>(I18n.get("templates.export.all"));
        root.setExpanded(true);
        Map<ItemKind, List<ConfigItem>> items = context.templates().exportable();
        items.forEach((kind, list) -> {
            if (list.isEmpty()) {
                return;
            }
            CheckBoxTreeItem<Object> group = new CheckBoxTreeItem<>(I18n.get("templates.kind." + kind.name())
                    + (kind.setting() ? "" : "（" + list.size() + "）"));
            for (ConfigItem item : list) {
                CheckBoxTreeItem<Object> leaf = new CheckBoxTreeItem<>(item);
                leaves.add(leaf);
                group.getChildren().add(leaf);
            }
            root.getChildren().add(group);
        });
        TreeView<Object> tree = new TreeView<>(root);
        tree.setId("exportTemplateItems");
        tree.setCellFactory(t -> new CheckBoxTreeCell<>() {
            @Override
            public void updateItem(Object value, boolean empty) {
                super.updateItem(value, empty);
                if (!empty && value instanceof ConfigItem item) {
                    setText(TemplateTexts.item(item));
                }
            }
        });
        tree.setPrefHeight(320);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        VBox body = new VBox(12, form, tree, problem);
        body.setPrefWidth(600);
        getDialogPane().setContent(body);

        ButtonType save = new ButtonType(I18n.get("templates.export.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(save);
        ok.setId("exportTemplateSave");
        ok.getStyleClass().add(Styles.ACCENT);
        File[] written = new File[1];
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            written[0] = write(context);
            if (written[0] == null) {
                e.consume();
            }
        });
        setResultConverter(b -> b == save ? written[0] : null);
    }

    private File write(AppContext context) {
        List<ConfigItem> chosen = leaves.stream().filter(CheckBoxTreeItem::isSelected)
                .map(l -> (ConfigItem) l.getValue()).toList();
        if (!ID.matcher(id.getText().strip()).matches()) {
            problem.setText(I18n.get("template.file.badId", id.getText()));
            return null;
        }
        if (nameZh.getText().isBlank() && nameEn.getText().isBlank()) {
            problem.setText(I18n.get("templates.export.nameRequired"));
            return null;
        }
        if (chosen.isEmpty()) {
            problem.setText(I18n.get("templates.export.nothing"));
            return null;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("templates.export.title"));
        chooser.setInitialFileName(id.getText().strip() + "." + TemplateInstall.EXTENSION);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("templates.fileType"),
                "*." + TemplateInstall.EXTENSION));
        File picked = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
        if (picked == null) {
            return null;
        }
        File file = withExtension(picked);
        Template t = context.templates().export(id.getText().strip(), 1,
                new Template.Text(blankToNull(nameZh.getText()), blankToNull(nameEn.getText())),
                new Template.Text(blankToNull(description.getText()), null), chosen);
        try {
            Files.writeString(file.toPath(), TemplateFile.write(t), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            problem.setText(I18n.get("templates.export.failed", e.getMessage()));
            return null;
        }
    }

    /**
     * The name as typed, with .sdtemplate added unless it ends in a template's extension (GTK's save
     * dialog adds none), so a double-click on the file opens SalesDesk. "v1.2 门店" is no extension.
     */
    static File withExtension(File chosen) {
        String name = chosen.getName().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith("." + TemplateInstall.EXTENSION) || name.endsWith("." + TemplateInstall.OLD_EXTENSION)
                ? chosen : new File(chosen.getParentFile(), chosen.getName() + "." + TemplateInstall.EXTENSION);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
