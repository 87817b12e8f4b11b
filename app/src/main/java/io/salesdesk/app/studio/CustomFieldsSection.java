package io.salesdesk.app.studio;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Settings → 自定义字段: per entity, the fields the company added — add, change, move up and down,
 * retire and restore. A retired field is hidden from forms and keeps its values.
 */
public final class CustomFieldsSection extends VBox {

    private final AppContext context;
    private final ComboBox<CustomEntity> entity;
    private final TableView<CustomField> table = new TableView<>();
    private final Button edit = new Button(I18n.get("studio.section.edit"), new FontIcon(Feather.EDIT_2));
    private final Button up = new Button(null, new FontIcon(Feather.ARROW_UP));
    private final Button down = new Button(null, new FontIcon(Feather.ARROW_DOWN));
    private final Button retire = new Button(I18n.get("studio.section.retire"), new FontIcon(Feather.ARCHIVE));

    public CustomFieldsSection(AppContext context, VBoxFiller filler) {
        this.context = context;
        setId("customFieldsSection");
        entity = Pickers.of(List.of(CustomEntity.values()), e -> I18n.get("studio.entity." + e.name()), "");
        entity.setId("customFieldEntity");
        entity.setValue(CustomEntity.CUSTOMER);
        entity.valueProperty().addListener((o, a, b) -> load(null));

        table.setId("customFieldTable");
        table.setPrefHeight(240);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.get("studio.section.empty")));
        table.getColumns().setAll(List.of(
                column("studio.section.label", f -> f.label(), 160),
                column("studio.section.key", CustomField::key, 140),
                column("studio.section.type", f -> I18n.get("studio.type." + f.type().name()), 100),
                column("studio.section.required", f -> f.required() ? I18n.get("studio.editor.yes") : "", 60),
                column("studio.section.state", f -> I18n.get(f.retired() ? "studio.section.retired"
                        : "studio.section.inUse"), 80)));
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<CustomField>() {
                @Override
                protected void updateItem(CustomField item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("retired"),
                            !empty && item != null && item.retired());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });

        Button add = new Button(I18n.get("studio.section.add"), new FontIcon(Feather.PLUS));
        add.setId("addCustomField");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> open(null));
        edit.setId("editCustomField");
        edit.setOnAction(e -> open(table.getSelectionModel().getSelectedItem()));
        up.setId("customFieldUp");
        up.setOnAction(e -> move(-1));
        down.setId("customFieldDown");
        down.setOnAction(e -> move(1));
        retire.setId("retireCustomField");
        retire.setOnAction(e -> toggleRetired());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> updateButtons(now));
        updateButtons(null);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label on = new Label(I18n.get("studio.section.entity"));
        HBox bar = new HBox(8, on, entity, spacer, up, down, edit, retire, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        filler.fill(this, I18n.get("studio.section.title"), I18n.get("studio.section.hint"), bar, table);
        // A branch replica shows the head office's fields but offers no way to change them.
        BackgroundTask.wrap(() -> context.customFields().definedHere()).onSuccess(here -> {
            if (!here) {
                Label atHeadOffice = new Label(I18n.get("studio.field.atHeadOffice"));
                atHeadOffice.setId("customFieldsAtHeadOffice");
                atHeadOffice.getStyleClass().add(Styles.TEXT_MUTED);
                atHeadOffice.setWrapText(true);
                atHeadOffice.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(atHeadOffice, Priority.ALWAYS);
                bar.getChildren().setAll(on, entity, atHeadOffice);
            }
        }).executeWith(context.executor());
        load(null);
    }

    /** How Settings gives a section its heading and hint. */
    @FunctionalInterface
    public interface VBoxFiller {
        void fill(VBox box, String title, String hint, javafx.scene.Node... content);
    }

    private static TableColumn<CustomField, String> column(String key,
                                                           java.util.function.Function<CustomField, String> text,
                                                           double width) {
        TableColumn<CustomField, String> c = new TableColumn<>(I18n.get(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(text.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void updateButtons(CustomField selected) {
        boolean none = selected == null;
        edit.setDisable(none);
        up.setDisable(none);
        down.setDisable(none);
        retire.setDisable(none);
        retire.setText(I18n.get(selected != null && selected.retired() ? "studio.section.restore"
                : "studio.section.retire"));
    }

    private void load(UUID select) {
        CustomEntity shown = entity.getValue();
        BackgroundTask.wrap(() -> context.customFields().allFields(shown)).onSuccess(fields -> {
            table.getItems().setAll(fields);
            fields.stream().filter(f -> f.id().equals(select)).findFirst()
                    .ifPresent(f -> table.getSelectionModel().select(f));
        }).onFailure(ErrorDialogs::show).executeWith(context.executor());
    }

    private void open(CustomField existing) {
        new CustomFieldDialog(context, entity.getValue(), existing).showAndWait()
                .ifPresent(saved -> load(saved.id()));
    }

    private void move(int by) {
        int at = table.getSelectionModel().getSelectedIndex();
        int to = at + by;
        if (at < 0 || to < 0 || to >= table.getItems().size()) {
            return;
        }
        List<UUID> order = new ArrayList<>(table.getItems().stream().map(CustomField::id).toList());
        UUID moved = order.remove(at);
        order.add(to, moved);
        run(() -> {
            context.customFields().reorder(context.currentUser().asActor(), entity.getValue(), order);
            return moved;
        });
    }

    private void toggleRetired() {
        CustomField f = table.getSelectionModel().getSelectedItem();
        if (f == null) {
            return;
        }
        var actor = context.currentUser().asActor();
        if (f.retired()) {
            run(() -> context.customFields().restore(actor, f.id(), f.version()).id());
            return;
        }
        // A field boards show or group by: say which boards, and ask before retiring it.
        BackgroundTask.wrap(() -> context.boards().usingCustomField(f.entity().name(), f.key()))
                .onSuccess(boards -> {
                    if (boards.isEmpty() || confirmRetire(f, boards.stream().map(io.salesdesk.board.Board::name)
                            .toList())) {
                        run(() -> context.customFields().retire(actor, f.id(), f.version()).id());
                    }
                })
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private static boolean confirmRetire(CustomField f, List<String> boards) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION,
                I18n.get("studio.retire.usedByBoards.body", f.label(), String.join("、", boards)),
                javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        alert.setTitle(I18n.get("studio.retire.usedByBoards.title"));
        alert.setHeaderText(I18n.get("studio.retire.usedByBoards.header", f.label(), boards.size()));
        return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }

    private void run(Supplier<UUID> change) {
        BackgroundTask.wrap(change::get).onSuccess(this::load).onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }
}
