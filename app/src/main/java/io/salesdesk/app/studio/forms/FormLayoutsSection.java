package io.salesdesk.app.studio.forms;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.studio.CustomFieldsSection;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.form.FormLayout;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Settings → 表单设计: which layout each designable form uses, and the button that opens the designer. */
public final class FormLayoutsSection extends VBox {

    private final AppContext context;
    private final Map<CustomEntity, Label> summaries = new EnumMap<>(CustomEntity.class);

    public FormLayoutsSection(AppContext context, CustomFieldsSection.VBoxFiller filler) {
        this.context = context;
        setId("formLayoutsSection");
        VBox rows = new VBox(10);
        for (CustomEntity entity : List.of(CustomEntity.CUSTOMER, CustomEntity.CONTACT, CustomEntity.LEAD,
                CustomEntity.OPPORTUNITY)) {
            rows.getChildren().add(row(entity));
        }
        filler.fill(this, I18n.get("studio.designer.section.title"), I18n.get("studio.designer.section.hint"), rows);
        load();
    }

    private HBox row(CustomEntity entity) {
        Label form = new Label(I18n.get("studio.designer.entityForm", I18n.get("studio.entity." + entity.name())),
                new FontIcon(Feather.LAYOUT));
        form.getStyleClass().add(Styles.TEXT_BOLD);
        form.setMinWidth(120);
        Label summary = new Label();
        summary.setId("formLayoutSummary-" + entity.name());
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summaries.put(entity, summary);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button open = new Button(I18n.get("studio.designer.open"), new FontIcon(Feather.EDIT_3));
        // The customer form is the one most often designed: its button keeps the plain id.
        open.setId(entity == CustomEntity.CUSTOMER ? "openFormDesigner" : "openFormDesigner-" + entity.name());
        if (entity == CustomEntity.CUSTOMER) {
            open.getStyleClass().add(Styles.ACCENT);
        }
        open.setOnAction(e -> FormDesignerWindow.open(context, entity,
                getScene() == null ? null : getScene().getWindow(), this::load));
        HBox row = new HBox(12, form, summary, spacer, open);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void load() {
        BackgroundTask.wrap(() -> summaries.keySet().stream().map(e -> context.formLayouts().layout(e)).toList())
                .onSuccess(layouts -> layouts.forEach(this::show)).onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private void show(FormLayout layout) {
        long sections = layout.sections().stream().filter(s -> !s.fields().isEmpty()).count();
        summaries.get(layout.entity()).setText(layout.saved()
                ? I18n.get("studio.designer.summary.saved", sections, layout.version())
                : I18n.get("studio.designer.summary.default"));
    }
}
