package io.salesdesk.app.map;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.territory.territory.Territory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Modality;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 辖区列表: every territory with its owner, colour and regions in words. Managers and company-wide
 * roles edit the selected one (name, owner, colour) or delete it; everyone else reads.
 */
final class TerritoryTableDialog extends Dialog<Void> {

    private static final Logger LOG = LoggerFactory.getLogger(TerritoryTableDialog.class);

    private final AppContext context;
    private final Runnable onChanged;
    private final TableView<Territory> table = new TableView<>();
    private final Label problem = new Label();

    TerritoryTableDialog(AppContext context, List<TerritoryShapes.Drawn> drawn, boolean editable,
                         Consumer<Territory> edit, Runnable onChanged) {
        this.context = context;
        this.onChanged = onChanged;
        setTitle(I18n.get("map.territory.table.title"));
        initModality(Modality.NONE);
        Stylesheets.addTo(getDialogPane());
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        table.setId("mapTerritoryList");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.get("map.territory.table.empty")));
        table.getColumns().add(column("map.territory.name", 150, t -> t.name()));
        table.getColumns().add(column("map.territory.owner", 130, t -> t.ownerName()));
        TableColumn<Territory, String> colour = column("map.territory.colour", 90, Territory::colour);
        colour.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setGraphic(empty ? null : new Rectangle(14, 14, TerritoryLayer.colour(item)));
            }
        });
        table.getColumns().add(colour);
        Map<UUID, String> names = new HashMap<>();
        drawn.forEach(d -> names.put(d.territory().id(), String.join("、", d.regionNames())));
        TableColumn<Territory, String> regions = column("map.territory.regions", 320,
                t -> names.getOrDefault(t.id(), String.join("、", t.regionCodes())));
        regions.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
            }
        });
        table.getColumns().add(regions);
        table.getItems().setAll(drawn.stream().map(TerritoryShapes.Drawn::territory).toList());
        table.setPrefSize(820, 380);

        Button change = new Button(I18n.get("map.territory.table.edit"), new FontIcon(Feather.EDIT_2));
        change.setId("mapTerritoryEditSelected");
        change.setOnAction(e -> {
            Territory t = table.getSelectionModel().getSelectedItem();
            if (t != null) {
                close();
                edit.accept(t);
            }
        });
        Button delete = new Button(I18n.get("map.territory.table.delete"), new FontIcon(Feather.TRASH_2));
        delete.setId("mapTerritoryDelete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> delete());
        change.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        HBox actions = new HBox(8, change, delete);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setVisible(editable);
        actions.setManaged(editable);
        problem.setId("mapTerritoryTableProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        Label hint = new Label(I18n.get(editable ? "map.territory.table.hint" : "map.territory.table.readOnly"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        getDialogPane().setContent(new VBox(10, hint, table, actions, problem));
    }

    private void delete() {
        Territory t = table.getSelectionModel().getSelectedItem();
        if (t == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, I18n.get("map.territory.delete.confirm", t.name()),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText(null);
        confirm.initOwner(getDialogPane().getScene().getWindow());
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        Actor actor = context.currentUser().asActor();
        problem.setText("");
        BackgroundTask.wrap(() -> {
            context.territories().delete(actor, t.id(), t.version());
            return context.territories().list();
        }).onSuccess(all -> {
            table.getItems().setAll(all);
            onChanged.run();
        }).onFailure(error -> {
            if (!(error instanceof SalesDeskException)) {
                LOG.error("Territory could not be deleted", error);
            }
            problem.setText(I18n.message(error));
        }).executeWith(context.executor());
    }

    private static TableColumn<Territory, String> column(String key, double width,
                                                         java.util.function.Function<Territory, String> value) {
        TableColumn<Territory, String> column = new TableColumn<>(I18n.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }
}
