package io.salesdesk.app.common;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import io.salesdesk.core.FieldMerge;
import io.salesdesk.core.FieldMerge.Side;
import io.salesdesk.db.ChangeEntry;

/**
 * Someone else saved the record while the user was editing it: a row per field the two versions
 * differ in (the field in words | the user's value | the saved value, with who changed it and when |
 * what the user started from), each with a choice. A field only one side changed starts on that
 * side; a field both changed is marked and must be chosen before 保存合并结果. The result is the
 * merged values by field name; empty when the user gives up the edit.
 */
public final class FieldMergeDialog extends Dialog<Map<String, String>> {

    /**
     * How the record's fields read for a person.
     *
     * @param label     a field's name in words
     * @param display   a value as the user knows it (a user's name for an id, a tier's words), by field
     * @param changedBy who last changed a field and when, by field name; absent when not known
     */
    public record Words(Function<String, String> label, BiFunction<String, String, String> display,
                        Map<String, String> changedBy) {
    }

    /** The most the table of fields takes of the screen's height before it scrolls. */
    private static final double MAX_TABLE_HEIGHT = 480;

    private final FieldMerge merge;

    public FieldMergeDialog(String recordName, FieldMerge merge, Words words) {
        this.merge = merge;
        setTitle(I18n.get("merge.title"));
        Stylesheets.addTo(getDialogPane());
        // Four columns of values do not fit the theme's 600 px dialog.
        getDialogPane().getStyleClass().add("wide-dialog");
        setHeaderText(I18n.get("merge.header", recordName));
        ButtonType save = new ButtonType(I18n.get("merge.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType discard = new ButtonType(I18n.get("merge.discard"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(save, discard);
        Node saveButton = getDialogPane().lookupButton(save);
        saveButton.setId("mergeSave");
        getDialogPane().lookupButton(discard).setId("mergeDiscard");
        Label open = new Label();
        open.setId("mergeOpen");
        open.getStyleClass().add(Styles.DANGER);
        open.setWrapText(true);
        Runnable refresh = () -> {
            List<String> unresolved = merge.unresolved();
            saveButton.setDisable(!unresolved.isEmpty());
            open.setText(unresolved.isEmpty() ? "" : I18n.get("merge.chooseFirst",
                    String.join("、", unresolved.stream().map(words.label()).toList())));
            open.setManaged(!unresolved.isEmpty());
        };
        getDialogPane().setContent(content(words, refresh, open));
        refresh.run();
        setResultConverter(button -> button == save ? merge.result() : null);
    }

    /**
     * Shows the dialog and waits: the merged values, or empty when the user gave up the edit. When
     * the two versions differ in no field (someone saved what the form does not show, e.g. a status),
     * there is nothing to choose and the merge is returned without asking.
     */
    public Optional<Map<String, String>> merged() {
        if (merge.fields().stream().noneMatch(FieldMerge.Field::differs)) {
            return Optional.of(merge.result());
        }
        return showAndWait();
    }

    private Node content(Words words, Runnable refresh, Label open) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(8);
        grid.getStyleClass().add("merge-table");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints(100, 200, 280);
        grid.getColumnConstraints().addAll(names, value, value, value);
        grid.addRow(0, heading("merge.field"), heading("merge.mine"), heading("merge.theirs"), heading("merge.base"));
        int row = 1;
        for (FieldMerge.Field field : merge.fields()) {
            if (field.differs()) {
                addRow(grid, row++, field, words, refresh);
            }
        }
        long same = merge.fields().stream().filter(f -> !f.differs()).count();
        Label hint = new Label(I18n.get("merge.hint", same));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        // Tall enough for every row of a usual merge (a value may take two lines), then it scrolls;
        // once shown, as tall as the rows really are (a quote's lines take one text line each).
        scroll.setPrefViewportHeight(Math.min(MAX_TABLE_HEIGHT, 80 + 92 * (row - 1)));
        scroll.setPrefViewportWidth(820);
        setOnShown(e -> javafx.application.Platform.runLater(() -> fitTable(scroll, grid)));
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return new VBox(12, scroll, open, hint);
    }

    /** Makes the table as tall as its rows laid out (up to the most), keeping the dialog on the screen. */
    private void fitTable(ScrollPane scroll, GridPane grid) {
        // The cells' own bounds: the grid itself may be stretched to the viewport.
        double rows = grid.getChildren().stream().mapToDouble(cell -> cell.getBoundsInParent().getMaxY()).max()
                .orElse(0) + grid.getInsets().getBottom();
        if (rows <= 0) {
            return;
        }
        scroll.setPrefViewportHeight(Math.min(MAX_TABLE_HEIGHT, rows));
        javafx.stage.Window window = getDialogPane().getScene().getWindow();
        window.sizeToScene();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(window.getX(), window.getY(),
                1, 1).stream().findFirst().orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        if (window.getY() + window.getHeight() > screen.getMaxY()) {
            window.setY(Math.max(screen.getMinY(), screen.getMaxY() - window.getHeight()));
        }
    }

    private void addRow(GridPane grid, int row, FieldMerge.Field field, Words words, Runnable refresh) {
        String name = field.name();
        boolean conflict = field.kind() == FieldMerge.Kind.CONFLICT;
        Label label = new Label(words.label().apply(name));
        label.getStyleClass().add(conflict ? Styles.DANGER : Styles.TEXT_MUTED);
        VBox labelCell = new VBox(2, label);
        if (conflict) {
            // Under the field's name, so the first column stays narrow.
            Label both = new Label(I18n.get("merge.bothChanged"));
            both.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
            label.getStyleClass().add(Styles.TEXT_BOLD);
            labelCell.getChildren().add(both);
        }
        ToggleGroup group = new ToggleGroup();
        RadioButton mine = choice(words.display().apply(name, field.mine()), group, "mergeMine-" + idOf(name));
        RadioButton theirs = choice(words.display().apply(name, field.theirs()), group, "mergeTheirs-" + idOf(name));
        merge.choice(name).ifPresent(side -> group.selectToggle(side == Side.MINE ? mine : theirs));
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                merge.choose(name, now == mine ? Side.MINE : Side.THEIRS);
                refresh.run();
            }
        });
        VBox theirsCell = new VBox(2, theirs);
        String who = words.changedBy().get(name);
        if (who != null && field.kind() != FieldMerge.Kind.MINE_ONLY) {
            Label by = new Label(who);
            by.setWrapText(true);
            by.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            theirsCell.getChildren().add(by);
        }
        Label base = new Label(orDash(words.display().apply(name, field.base())));
        base.setWrapText(true);
        base.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(row, labelCell, mine, theirsCell, base);
        for (Node cell : List.of(labelCell, mine, theirsCell, base)) {
            GridPane.setValignment(cell, VPos.TOP);
        }
        if (conflict) {
            for (Node cell : List.of(labelCell, mine, theirsCell, base)) {
                cell.getStyleClass().add("merge-conflict");
            }
        }
    }

    private static RadioButton choice(String value, ToggleGroup group, String id) {
        RadioButton button = new RadioButton(orDash(value));
        button.setToggleGroup(group);
        button.setId(id);
        button.setWrapText(true);
        button.setMaxWidth(280);
        return button;
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? I18n.get("merge.empty") : value;
    }

    /** A field name as a node id: custom keys may hold characters a CSS selector would not take. */
    public static String idOf(String fieldName) {
        return fieldName.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /**
     * Who last changed each field and when, from a record's change log (oldest first), in the
     * user's words ("王一 于 11-28 23:10 修改").
     */
    public static Map<String, String> changedBy(List<ChangeEntry> history, ZoneId zone) {
        Map<String, String> by = new HashMap<>();
        for (ChangeEntry entry : history) {
            String who = entry.changedByName() == null ? I18n.get("merge.system") : entry.changedByName();
            String text = I18n.get("merge.changedBy", who, Formats.dateTime(entry.changedAt(), zone));
            entry.changes().keySet().forEach(field -> by.put(field, text));
        }
        return by;
    }

    private static Label heading(String key) {
        Label label = new Label(I18n.get(key));
        label.getStyleClass().add(Styles.TITLE_4);
        label.setWrapText(true);
        return label;
    }
}
