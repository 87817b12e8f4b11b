package io.salesdesk.app.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.OrgUnit;

/** 组织架构: the org tree the admin manages, with add below, rename and move (with the subtree). */
final class OrgUnitsPane extends VBox {

    private final AppContext context;
    private final Runnable changed;
    private final TreeView<OrgUnit> tree = new TreeView<>();

    OrgUnitsPane(AppContext context, Runnable changed) {
        super(8);
        this.context = context;
        this.changed = changed;
        setId("orgUnitsPane");
        Label title = new Label(I18n.get("orgUnits.title"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        tree.setId("orgUnitTree");
        tree.setPrefHeight(220);
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(OrgUnit unit, boolean empty) {
                super.updateItem(unit, empty);
                setText(empty || unit == null ? null
                        : unit.name() + "  · " + I18n.label("orgUnitKind", unit.kind()));
            }
        });
        Button add = action("orgUnitAdd", "orgUnits.add", Feather.PLUS, this::addBelow);
        Button rename = action("orgUnitRename", "orgUnits.rename", Feather.EDIT_2, this::rename);
        Button move = action("orgUnitMove", "orgUnits.move", Feather.MOVE, this::move);
        HBox actions = new HBox(8, add, rename, move);
        actions.setAlignment(Pos.CENTER_LEFT);
        // A replica's org tree is the head office's: the section's note says so, the tree stays readable.
        if (context.signIn().onReplica()) {
            getChildren().addAll(title, tree);
        } else {
            getChildren().addAll(title, tree, actions);
        }
        reload();
    }

    /** A picker of org units, indented by depth. */
    static ComboBox<OrgUnit> picker(List<OrgUnit> units) {
        return Pickers.of(units, u -> "　".repeat(depth(u)) + u.name(), "");
    }

    private static int depth(OrgUnit unit) {
        return (int) unit.path().chars().filter(c -> c == '/').count() - 2;
    }

    private Button action(String id, String key, Feather icon, java.util.function.Consumer<OrgUnit> onUnit) {
        Button button = new Button(I18n.get(key), new FontIcon(icon));
        button.setId(id);
        button.disableProperty().bind(tree.getSelectionModel().selectedItemProperty().isNull());
        button.setOnAction(e -> {
            TreeItem<OrgUnit> item = tree.getSelectionModel().getSelectedItem();
            if (item != null) {
                onUnit.accept(item.getValue());
            }
        });
        return button;
    }

    private void reload() {
        List<OrgUnit> units = context.userAdmin().orgUnits(context.currentUser().asActor());
        Map<UUID, TreeItem<OrgUnit>> items = new HashMap<>();
        TreeItem<OrgUnit> root = null;
        for (OrgUnit unit : units) {
            TreeItem<OrgUnit> item = new TreeItem<>(unit);
            item.setExpanded(true);
            items.put(unit.id(), item);
            TreeItem<OrgUnit> parent = unit.parentId() == null ? null : items.get(unit.parentId());
            if (parent != null) {
                parent.getChildren().add(item);
            } else if (root == null) {
                root = item;
            }
        }
        tree.setRoot(root);
    }

    private void addBelow(OrgUnit parent) {
        ask(I18n.get("orgUnits.add.title", parent.name()), "").ifPresent(name -> apply(() -> context.userAdmin()
                .addOrgUnit(context.currentUser().asActor(), parent, name,
                        parent.kind() == OrgUnit.Kind.COMPANY ? OrgUnit.Kind.REGION : OrgUnit.Kind.TEAM)));
    }

    private void rename(OrgUnit unit) {
        ask(I18n.get("orgUnits.rename.title"), unit.name()).ifPresent(name -> apply(() -> context.userAdmin()
                .renameOrgUnit(context.currentUser().asActor(), unit, name)));
    }

    private void move(OrgUnit unit) {
        List<OrgUnit> targets = context.userAdmin().orgUnits(context.currentUser().asActor()).stream()
                .filter(u -> !u.path().startsWith(unit.path())).toList();
        ComboBox<OrgUnit> parent = picker(targets);
        parent.setId("orgUnitMoveTarget");
        parent.setPrefWidth(280);
        Dialog<OrgUnit> dialog = new Dialog<>();
        dialog.setTitle(I18n.get("orgUnits.move.title", unit.name()));
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(new VBox(6, new Label(I18n.get("orgUnits.field.parent")), parent));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Stylesheets.addTo(dialog.getDialogPane());
        dialog.setResultConverter(b -> b == ButtonType.OK ? parent.getValue() : null);
        dialog.showAndWait().ifPresent(target -> apply(() -> context.userAdmin()
                .moveOrgUnit(context.currentUser().asActor(), unit, target)));
    }

    private static Optional<String> ask(String title, String current) {
        TextInputDialog dialog = new TextInputDialog(current);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(I18n.get("orgUnits.field.name"));
        dialog.getEditor().setId("orgUnitName");
        Stylesheets.addTo(dialog.getDialogPane());
        return dialog.showAndWait();
    }

    private void apply(Runnable change) {
        try {
            change.run();
        } catch (SalesDeskException e) {
            ErrorDialogs.show(e);
        }
        reload();
        changed.run();
    }
}
