package io.salesdesk.app.studio.forms;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.app.customers.ContactDialog;
import io.salesdesk.app.customers.CustomerFormDialog;
import io.salesdesk.app.leads.LeadFormDialog;
import io.salesdesk.app.pipeline.OpportunityFormDialog;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.form.FormLayout;
import io.salesdesk.studio.form.FormLayouts;
import io.salesdesk.studio.form.FormPlacement;
import io.salesdesk.studio.form.LayoutDraft;
import io.salesdesk.studio.form.PlaceableField;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 表单设计: an entity's form laid out by dragging fields from the palette on the left into the sections in
 * the middle, the selected field's properties on the right; 预览 opens the real form as it would be,
 * 保存 makes a new version, 恢复默认 goes back to the built-in layout.
 */
public final class FormDesigner extends BorderPane {

    private final AppContext context;
    private final CustomEntity entity;
    private final Runnable onSaved;
    private final Label status = new Label();
    private final BorderPane body = new BorderPane();
    private List<PlaceableField> fields;
    private LayoutDraft draft;
    private long version;
    private FormCanvas canvas;
    private ScrollPane canvasScroll;
    private FieldPalette palette;
    private PlacementEditor editor;
    private String selected;
    private boolean dirty;

    /** @param onSaved called after each save or reset (the settings section refreshes its summary) */
    public FormDesigner(AppContext context, CustomEntity entity, Runnable onSaved) {
        this.context = context;
        this.entity = entity;
        this.onSaved = onSaved;
        setId("formDesigner");
        getStyleClass().add("fm-root");
        setTop(toolbar());
        setCenter(body);
        load(context.formLayouts().layout(entity), context.formLayouts().fields(entity));
    }

    public boolean hasUnsavedChanges() {
        return dirty;
    }

    private void load(FormLayout layout, List<PlaceableField> placeable) {
        fields = placeable;
        version = layout.version();
        draft = new LayoutDraft(layout, placeable);
        palette = new FieldPalette(draft, this::takeOff, this::addAtEnd);
        DesignerFields.Values values = new DesignerFields.Values(context.opportunities().stages());
        editor = new PlacementEditor(draft, values, this::placementChanged, this::takeOff);
        canvas = new FormCanvas(draft, values, new FormCanvas.Actions() {
            public void dropped(String field, int section, int index) {
                draft.place(field, section, index);
                selected = field;
                changed(true);
            }

            public void selected(String field) {
                select(field);
            }

            public void sectionsChanged(boolean structural) {
                if (structural) {
                    changed(true);
                } else {
                    markDirty();
                }
            }

            public void refused(String message) {
                say(message, true);
            }
        });
        body.setLeft(scrolled(palette, "formPaletteScroll", 240));
        canvasScroll = scrolled(canvas, "formCanvasScroll", -1);
        canvasScroll.getStyleClass().add("fm-canvas-scroll");
        body.setCenter(canvasScroll);
        body.setRight(scrolled(editor, "formPropertiesScroll", 340));
        selected = null;
        dirty = false;
        palette.render();
        canvas.render(null);
        editor.show(null);
    }

    private Node toolbar() {
        Label title = new Label(I18n.get("studio.designer.title"), new FontIcon(Feather.LAYOUT));
        title.getStyleClass().add(Styles.TITLE_4);
        Label what = new Label(I18n.get("studio.designer.entityForm", I18n.get("studio.entity." + entity.name())));
        what.setId("formDesignerEntity");
        what.getStyleClass().addAll(Styles.TEXT_SMALL, "fd-chip");
        status.setId("formDesignerStatus");
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.setWrapText(true);
        status.setMaxWidth(420);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button add = new Button(I18n.get("studio.designer.addSection"), new FontIcon(Feather.PLUS_SQUARE));
        add.setId("addFormSection");
        add.setOnAction(e -> addSection());
        Button preview = new Button(I18n.get("studio.designer.preview"), new FontIcon(Feather.EYE));
        preview.setId("previewForm");
        preview.setOnAction(e -> preview());
        Button reset = new Button(I18n.get("studio.designer.reset"), new FontIcon(Feather.ROTATE_CCW));
        reset.setId("resetForm");
        reset.setOnAction(e -> reset());
        Button save = new Button(I18n.get("studio.designer.save"), new FontIcon(Feather.SAVE));
        save.setId("saveForm");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        HBox bar = new HBox(12, title, what, spacer, status, add, preview, reset, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 12, 16));
        bar.getStyleClass().add("fd-toolbar");
        return bar;
    }

    private static ScrollPane scrolled(Node content, String id, double width) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        if (width > 0) {
            scroll.setPrefWidth(width);
            scroll.setMinWidth(width);
        }
        return scroll;
    }

    private void select(String field) {
        selected = field;
        canvas.render(field);
        editor.show(field);
    }

    private void placementChanged(FormPlacement now) {
        draft.update(now);
        markDirty();
        canvas.render(selected);
    }

    private void takeOff(String field) {
        if (!draft.remove(field)) {
            say(I18n.get("studio.designer.cannotTakeOff", DesignerFields.label(draft.field(field))), true);
            return;
        }
        if (field.equals(selected)) {
            selected = null;
        }
        changed(true);
    }

    private void addAtEnd(String field) {
        draft.place(field, draft.sections().size() - 1, Integer.MAX_VALUE);
        selected = field;
        changed(true);
    }

    private void addSection() {
        int index = draft.addSection(I18n.get("studio.designer.newSection"), "", 2);
        changed(true);
        // The new section is at the bottom: bring it into view and let the user name it.
        canvas.applyCss();
        canvas.layout();
        canvasScroll.layout();
        canvasScroll.setVvalue(canvasScroll.getVmax());
        Platform.runLater(() -> {
            canvasScroll.setVvalue(canvasScroll.getVmax());
            Node title = canvas.lookup("#sectionTitle-" + index);
            if (title != null) {
                title.requestFocus();
            }
        });
    }

    /** Redraws after a change of what is where. */
    private void changed(boolean structural) {
        markDirty();
        if (structural) {
            palette.render();
            canvas.render(selected);
            editor.show(selected);
        }
    }

    private void markDirty() {
        dirty = true;
        say(I18n.get("studio.designer.unsaved"), false);
    }

    private void say(String text, boolean problem) {
        status.setText(text);
        status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), problem);
        status.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
        status.getStyleClass().add(problem ? Styles.DANGER : Styles.TEXT_MUTED);
    }

    /** The layout as it would be saved, so the preview shows exactly what users will get. */
    private FormLayout asLaidOut() {
        List<String> leftOff = draft.unplaced().stream().map(PlaceableField::name).toList();
        return FormLayouts.resolve(entity, draft.sections(), leftOff, version, fields);
    }

    private void preview() {
        javafx.scene.control.Dialog<?> dialog = switch (entity) {
            case CONTACT -> ContactDialog.preview(context, asLaidOut());
            case LEAD -> LeadFormDialog.preview(context, asLaidOut());
            case OPPORTUNITY -> OpportunityFormDialog.preview(context, asLaidOut());
            default -> CustomerFormDialog.preview(context, asLaidOut());
        };
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.show();
    }

    private void save() {
        var actor = context.currentUser().asActor();
        var sections = draft.sections();
        long on = version;
        BackgroundTask.wrap(() -> context.formLayouts().save(actor, entity, on, sections))
                .onSuccess(saved -> {
                    String kept = selected;
                    double at = canvasScroll.getVvalue();
                    load(saved, context.formLayouts().fields(entity));
                    if (kept != null && draft.placement(kept).isPresent()) {
                        select(kept);
                    }
                    canvasScroll.layout();
                    canvasScroll.setVvalue(at);
                    say(I18n.get("studio.designer.saved", saved.version()), false);
                    onSaved.run();
                })
                .onFailure(this::failed)
                .executeWith(context.executor());
    }

    private void reset() {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, I18n.get("studio.designer.reset.text"),
                new ButtonType(I18n.get("studio.designer.reset.yes"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(I18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        ask.setHeaderText(I18n.get("studio.designer.reset.header"));
        ask.setTitle(I18n.get("studio.designer.title"));
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        Stylesheets.addTo(ask.getDialogPane());
        if (ask.showAndWait().map(b -> b.getButtonData() != ButtonBar.ButtonData.OK_DONE).orElse(true)) {
            return;
        }
        var actor = context.currentUser().asActor();
        long on = version;
        BackgroundTask.wrap(() -> context.formLayouts().reset(actor, entity, on))
                .onSuccess(now -> {
                    load(now, context.formLayouts().fields(entity));
                    say(I18n.get("studio.designer.resetDone"), false);
                    onSaved.run();
                })
                .onFailure(this::failed)
                .executeWith(context.executor());
    }

    private void failed(Throwable error) {
        if (error instanceof ValidationException refused) {
            say(refused.problems().stream().map(p -> I18n.get(p.messageKey(), p.arguments().toArray()))
                    .collect(Collectors.joining("\n")), true);
        } else if (error instanceof StaleRecordException) {
            say(I18n.get("studio.designer.stale"), true);
        } else if (error instanceof io.salesdesk.core.SalesDeskException) {
            say(I18n.message(error), true);
        } else {
            ErrorDialogs.show(error);
        }
    }
}
