package io.salesdesk.app.dashboard;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Stylesheets;
import io.salesdesk.studio.dashboard.DashboardLayout;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 编辑仪表盘: the widgets the overview shows, in order — drag to reorder, add from the widgets not shown,
 * remove — saved as the user's own layout, as the team's default (managers), or reset to the default.
 */
final class DashboardComposer extends Dialog<DashboardComposer.Choice> {

    /** What the user chose: how to save, and the widgets in order. */
    record Choice(Action action, List<String> widgets) {
    }

    enum Action {
        SAVE_OWN, SAVE_TEAM, RESET
    }

    private final ObservableList<String> shown;
    private final ObservableList<String> available = FXCollections.observableArrayList();
    private final ListView<String> shownList;
    private final ListView<String> availableList = new ListView<>(available);
    private final Label help = new Label();

    private final DashboardWidgets widgets;

    DashboardComposer(DashboardLayout layout, DashboardWidgets widgets, boolean mayDefineTeam) {
        this.widgets = widgets;
        setTitle(I18n.get("dashboard.composer.title"));
        setHeaderText(null);
        Stylesheets.addTo(getDialogPane());
        shown = FXCollections.observableArrayList(layout.widgets());
        widgets.all().stream().filter(w -> !shown.contains(w)).forEach(available::add);
        shownList = new ListView<>(shown);
        shownList.setId("composerShown");
        availableList.setId("composerAvailable");
        shownList.setCellFactory(l -> new WidgetCell(true));
        availableList.setCellFactory(l -> new WidgetCell(false));
        availableList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                add();
            }
        });
        shownList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showHelp(now));
        availableList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showHelp(now));

        Button add = iconButton("composerAdd", Feather.CHEVRON_LEFT, "dashboard.composer.add");
        add.setOnAction(e -> add());
        add.disableProperty().bind(availableList.getSelectionModel().selectedItemProperty().isNull());
        Button remove = iconButton("composerRemove", Feather.CHEVRON_RIGHT, "dashboard.composer.remove");
        remove.setOnAction(e -> remove());
        remove.disableProperty().bind(shownList.getSelectionModel().selectedItemProperty().isNull());
        Button up = iconButton("composerUp", Feather.ARROW_UP, "dashboard.composer.up");
        up.setOnAction(e -> move(-1));
        Button down = iconButton("composerDown", Feather.ARROW_DOWN, "dashboard.composer.down");
        down.setOnAction(e -> move(1));
        up.disableProperty().bind(shownList.getSelectionModel().selectedItemProperty().isNull());
        down.disableProperty().bind(shownList.getSelectionModel().selectedItemProperty().isNull());
        VBox moves = new VBox(8, add, remove, up, down);
        moves.setAlignment(Pos.CENTER);

        VBox left = column("dashboard.composer.shown", shownList);
        VBox right = column("dashboard.composer.available", availableList);
        HBox lists = new HBox(12, left, moves, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        Label intro = new Label(I18n.get("dashboard.composer.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        help.setId("composerHelp");
        help.setWrapText(true);
        help.getStyleClass().add(Styles.TEXT_SMALL);
        help.setMinHeight(40);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(12, intro, lists, help);
        VBox.setVgrow(lists, Priority.ALWAYS);
        getDialogPane().setContent(content);
        content.setMinSize(740, 520);

        ButtonType saveOwn = new ButtonType(I18n.get("dashboard.composer.saveOwn"), ButtonBar.ButtonData.OK_DONE);
        ButtonType saveTeam = new ButtonType(I18n.get("dashboard.composer.saveTeam"), ButtonBar.ButtonData.OTHER);
        ButtonType reset = new ButtonType(I18n.get("dashboard.composer.reset"), ButtonBar.ButtonData.LEFT);
        getDialogPane().getButtonTypes().add(reset);
        if (mayDefineTeam) {
            getDialogPane().getButtonTypes().add(saveTeam);
        }
        getDialogPane().getButtonTypes().addAll(saveOwn, ButtonType.CANCEL);
        Button save = (Button) getDialogPane().lookupButton(saveOwn);
        save.setId("composerSaveOwn");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(shown));
        getDialogPane().lookupButton(reset).setId("composerReset");
        if (mayDefineTeam) {
            getDialogPane().lookupButton(saveTeam).setId("composerSaveTeam");
            getDialogPane().lookupButton(saveTeam).disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(shown));
        }
        setResultConverter(button -> button == saveOwn ? new Choice(Action.SAVE_OWN, List.copyOf(shown))
                : button == saveTeam ? new Choice(Action.SAVE_TEAM, List.copyOf(shown))
                : button == reset ? new Choice(Action.RESET, List.of()) : null);
    }

    /** The widgets shown, in order (for tests and the preview). */
    List<String> shown() {
        return List.copyOf(shown);
    }

    void add() {
        String widget = availableList.getSelectionModel().getSelectedItem();
        if (widget != null) {
            available.remove(widget);
            int at = shownList.getSelectionModel().getSelectedIndex();
            shown.add(at < 0 ? shown.size() : at + 1, widget);
            shownList.getSelectionModel().select(widget);
        }
    }

    void remove() {
        String widget = shownList.getSelectionModel().getSelectedItem();
        if (widget != null) {
            shown.remove(widget);
            available.add(widget);
            available.sort(java.util.Comparator.comparingInt(widgets.all()::indexOf));
        }
    }

    void move(int by) {
        int from = shownList.getSelectionModel().getSelectedIndex();
        int to = from + by;
        if (from >= 0 && to >= 0 && to < shown.size()) {
            moveTo(from, to);
        }
    }

    private void moveTo(int from, int to) {
        String widget = shown.remove(from);
        shown.add(to, widget);
        shownList.getSelectionModel().clearAndSelect(to);
    }

    private void showHelp(String widget) {
        help.setText(widget == null ? "" : widgets.help(widget));
    }

    private static VBox column(String titleKey, ListView<String> list) {
        Label title = new Label(I18n.get(titleKey));
        title.getStyleClass().add(Styles.TITLE_4);
        VBox.setVgrow(list, Priority.ALWAYS);
        return new VBox(6, title, list);
    }

    private static Button iconButton(String id, Feather icon, String tooltipKey) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().add(Styles.BUTTON_ICON);
        button.setTooltip(new javafx.scene.control.Tooltip(I18n.get(tooltipKey)));
        return button;
    }

    /** A widget in a list; in the shown list it can be dragged to a new place. */
    private final class WidgetCell extends ListCell<String> {

        WidgetCell(boolean reorderable) {
            if (!reorderable) {
                return;
            }
            setOnDragDetected(e -> {
                if (getItem() == null) {
                    return;
                }
                ClipboardContent content = new ClipboardContent();
                content.putString(Integer.toString(getIndex()));
                startDragAndDrop(TransferMode.MOVE).setContent(content);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getGestureSource() instanceof WidgetCell && e.getDragboard().hasString()) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                int from = Integer.parseInt(e.getDragboard().getString());
                int to = isEmpty() ? shown.size() - 1 : getIndex();
                if (from != to && from < shown.size()) {
                    moveTo(from, Math.min(to, shown.size() - 1));
                }
                e.setDropCompleted(true);
                e.consume();
            });
        }

        @Override
        protected void updateItem(String widget, boolean empty) {
            super.updateItem(widget, empty);
            setText(empty || widget == null ? null : widgets.label(widget));
        }
    }
}
