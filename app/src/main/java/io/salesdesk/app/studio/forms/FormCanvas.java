package io.salesdesk.app.studio.forms;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.studio.form.FormPlacement;
import io.salesdesk.studio.form.FormSection;
import io.salesdesk.studio.form.LayoutDraft;
import io.salesdesk.studio.form.PlaceableField;
import java.util.List;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The form being designed, drawn as section cards with a tile per placed field: a field dragged from the
 * palette or from another tile is dropped before the tile it lands on, or at the end of a section; a
 * tile is selected by a click. Section titles, columns, order and removal are edited in each card's head.
 */
final class FormCanvas extends VBox {

    /** What the designer does when the user acts on the canvas. */
    interface Actions {
        void dropped(String field, int section, int index);

        void selected(String field);

        /** A section changed (title, columns, order, removed); {@code structural} when it needs redrawing. */
        void sectionsChanged(boolean structural);

        void refused(String message);
    }

    static final String DRAG_PREFIX = "form-field:";
    private static final PseudoClass DROP_BEFORE = PseudoClass.getPseudoClass("drop-before");
    private static final PseudoClass DROP_INTO = PseudoClass.getPseudoClass("drop-into");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final LayoutDraft draft;
    private final DesignerFields.Values values;
    private final Actions actions;

    FormCanvas(LayoutDraft draft, DesignerFields.Values values, Actions actions) {
        super(16);
        this.draft = draft;
        this.values = values;
        this.actions = actions;
        setId("formCanvas");
        getStyleClass().add("fm-canvas");
    }

    /** Draws the form again, with {@code selected} (a field name, or null) highlighted. */
    void render(String selected) {
        getChildren().clear();
        List<FormSection> sections = draft.sections();
        for (int i = 0; i < sections.size(); i++) {
            getChildren().add(section(sections.get(i), i, sections.size(), selected));
        }
    }

    /** The field a drag carries, or null for a drag of something else. */
    static String draggedField(DragEvent e) {
        Dragboard board = e.getDragboard();
        return board.hasString() && board.getString().startsWith(DRAG_PREFIX)
                ? board.getString().substring(DRAG_PREFIX.length()) : null;
    }

    /** Makes a node the start of a drag of a field. */
    static void dragSource(Node node, String field) {
        node.setOnDragDetected(e -> {
            Dragboard board = node.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(DRAG_PREFIX + field);
            board.setContent(content);
            board.setDragView(node.snapshot(null, null), e.getX(), e.getY());
            e.consume();
        });
    }

    private Node section(FormSection section, int index, int count, String selected) {
        TextField title = new TextField(section.titleZh() == null ? "" : section.titleZh());
        title.setId("sectionTitle-" + index);
        title.setPromptText(I18n.get("studio.designer.section.titleZh"));
        title.getStyleClass().add("fm-section-title");
        TextField titleEn = new TextField(section.titleEn() == null ? "" : section.titleEn());
        titleEn.setId("sectionTitleEn-" + index);
        titleEn.setPromptText(I18n.get("studio.designer.section.titleEn"));
        titleEn.getStyleClass().add(Styles.SMALL);
        titleEn.setPrefColumnCount(10);
        Runnable rename = () -> {
            draft.renameSection(index, title.getText(), titleEn.getText());
            actions.sectionsChanged(false);
        };
        title.textProperty().addListener((o, a, b) -> rename.run());
        titleEn.textProperty().addListener((o, a, b) -> rename.run());

        ToggleGroup columns = new ToggleGroup();
        ToggleButton one = new ToggleButton(I18n.get("studio.designer.section.oneColumn"));
        one.setId("sectionOneColumn-" + index);
        one.getStyleClass().addAll(Styles.LEFT_PILL, Styles.SMALL);
        ToggleButton two = new ToggleButton(I18n.get("studio.designer.section.twoColumns"));
        two.setId("sectionTwoColumns-" + index);
        two.getStyleClass().addAll(Styles.RIGHT_PILL, Styles.SMALL);
        one.setToggleGroup(columns);
        two.setToggleGroup(columns);
        (section.columns() == 1 ? one : two).setSelected(true);
        columns.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
                return;
            }
            draft.setColumns(index, now == one ? 1 : 2);
            actions.sectionsChanged(true);
        });

        Button up = tool(Feather.ARROW_UP, "studio.designer.section.up", "sectionUp-" + index);
        up.setDisable(index == 0);
        up.setOnAction(e -> {
            draft.moveSection(index, -1);
            actions.sectionsChanged(true);
        });
        Button down = tool(Feather.ARROW_DOWN, "studio.designer.section.down", "sectionDown-" + index);
        down.setDisable(index == count - 1);
        down.setOnAction(e -> {
            draft.moveSection(index, 1);
            actions.sectionsChanged(true);
        });
        Button remove = tool(Feather.TRASH_2, "studio.designer.section.remove", "sectionRemove-" + index);
        remove.setOnAction(e -> {
            if (draft.removeSection(index)) {
                actions.sectionsChanged(true);
            } else {
                actions.refused(I18n.get(count == 1 ? "studio.designer.section.lastOne"
                        : "studio.designer.section.holdsNeeded", title.getText()));
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(title, Priority.SOMETIMES);
        HBox head = new HBox(8, title, titleEn, spacer, new HBox(one, two), up, down, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("fm-section-head");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.getStyleClass().add("fm-section-grid");
        for (int c = 0; c < section.columns(); c++) {
            ColumnConstraints constraint = new ColumnConstraints();
            constraint.setPercentWidth(100.0 / section.columns());
            grid.getColumnConstraints().add(constraint);
        }
        int row = 0;
        int column = 0;
        List<FormPlacement> fields = section.fields();
        for (int i = 0; i < fields.size(); i++) {
            FormPlacement p = fields.get(i);
            Node tile = tile(p, index, i, p.field().equals(selected));
            if (p.fullWidth() && section.columns() > 1) {
                row += column;
                grid.add(tile, 0, row++, section.columns(), 1);
                column = 0;
            } else {
                grid.add(tile, column, row);
                column++;
                if (column == section.columns()) {
                    column = 0;
                    row++;
                }
            }
        }
        Label drop = new Label(I18n.get(fields.isEmpty() ? "studio.designer.section.empty"
                : "studio.designer.section.dropHere"), new FontIcon(Feather.PLUS));
        drop.setId("sectionDrop-" + index);
        drop.getStyleClass().add("fm-drop-zone");
        drop.setMaxWidth(Double.MAX_VALUE);
        VBox body = new VBox(10, grid, drop);
        body.getStyleClass().add("fm-section-body");

        VBox card = new VBox(head, body);
        card.setId("section-" + index);
        card.getStyleClass().add("fm-section");
        // Dropped anywhere on the card but a tile: at the end of the section.
        card.setOnDragOver(e -> {
            if (draggedField(e) != null) {
                e.acceptTransferModes(TransferMode.MOVE);
                card.pseudoClassStateChanged(DROP_INTO, true);
            }
            e.consume();
        });
        card.setOnDragExited(e -> card.pseudoClassStateChanged(DROP_INTO, false));
        card.setOnDragDropped(e -> {
            String field = draggedField(e);
            card.pseudoClassStateChanged(DROP_INTO, false);
            e.setDropCompleted(field != null);
            e.consume();
            if (field != null) {
                actions.dropped(field, index, fields.size());
            }
        });
        return card;
    }

    private Node tile(FormPlacement p, int section, int position, boolean selected) {
        PlaceableField field = draft.field(p.field());
        Label name = new Label(DesignerFields.label(field));
        name.getStyleClass().add("fm-tile-label");
        HBox top = new HBox(2, name);
        if (p.required()) {
            Label star = new Label("*");
            star.getStyleClass().add("fm-required");
            top.getChildren().add(star);
        }
        Label input = new Label(DesignerFields.kindText(field));
        input.getStyleClass().add("fm-input");
        input.setMaxWidth(Double.MAX_VALUE);
        FlowPane badges = new FlowPane(6, 4);
        if (p.visibleWhen() != null) {
            Label when = new Label(values.condition(p.visibleWhen(), draft.field(p.visibleWhen().field())),
                    new FontIcon(Feather.EYE));
            when.getStyleClass().addAll("fm-badge", Styles.TEXT_SMALL);
            badges.getChildren().add(when);
        }
        if (!p.readOnlyFor().isEmpty()) {
            String roles = p.readOnlyFor().stream().sorted().map(r -> I18n.label("role", r))
                    .collect(Collectors.joining("、"));
            Label locked = new Label(I18n.get("studio.designer.readOnlyBadge", roles), new FontIcon(Feather.LOCK));
            locked.getStyleClass().addAll("fm-badge", Styles.TEXT_SMALL);
            badges.getChildren().add(locked);
        }
        VBox tile = new VBox(6, top, input);
        if (!badges.getChildren().isEmpty()) {
            tile.getChildren().add(badges);
        }
        tile.setId(DesignerFields.idOf("tile-", p.field()));
        tile.getStyleClass().add("fm-tile");
        tile.pseudoClassStateChanged(SELECTED, selected);
        tile.setOnMouseClicked(e -> actions.selected(p.field()));
        dragSource(tile, p.field());
        tile.setOnDragOver(e -> {
            String dragged = draggedField(e);
            if (dragged != null && !dragged.equals(p.field())) {
                e.acceptTransferModes(TransferMode.MOVE);
                tile.pseudoClassStateChanged(DROP_BEFORE, true);
            }
            e.consume();
        });
        tile.setOnDragExited(e -> tile.pseudoClassStateChanged(DROP_BEFORE, false));
        tile.setOnDragDropped(e -> {
            String dragged = draggedField(e);
            tile.pseudoClassStateChanged(DROP_BEFORE, false);
            e.setDropCompleted(dragged != null);
            e.consume();
            if (dragged != null) {
                actions.dropped(dragged, section, position);
            }
        });
        return tile;
    }

    private static Button tool(Feather icon, String tooltipKey, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new javafx.scene.control.Tooltip(I18n.get(tooltipKey)));
        return b;
    }
}
