package io.salesdesk.app.studio.forms;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.studio.field.FieldType;
import io.salesdesk.studio.form.LayoutDraft;
import io.salesdesk.studio.form.PlaceableField;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The designer's palette (字段库): the fields not on the form, the entity's own first, to drag into a
 * section (or double-click to add at the end). A field dragged back here leaves the form.
 */
final class FieldPalette extends VBox {

    private static final PseudoClass DROP_INTO = PseudoClass.getPseudoClass("drop-into");

    private final LayoutDraft draft;
    private final Consumer<String> addAtEnd;
    private final VBox list = new VBox(6);

    /**
     * @param takeOff called with a field dragged here from the form
     * @param addAtEnd called with a field double-clicked here
     */
    FieldPalette(LayoutDraft draft, Consumer<String> takeOff, Consumer<String> addAtEnd) {
        super(10);
        this.draft = draft;
        this.addAtEnd = addAtEnd;
        setId("fieldPalette");
        getStyleClass().add("fm-palette");
        Label title = new Label(I18n.get("studio.designer.palette"), new FontIcon(Feather.GRID));
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(I18n.get("studio.designer.palette.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setWrapText(true);
        getChildren().addAll(title, hint, list);
        setOnDragOver(e -> {
            if (FormCanvas.draggedField(e) != null && draft.placement(FormCanvas.draggedField(e)).isPresent()) {
                e.acceptTransferModes(TransferMode.MOVE);
                pseudoClassStateChanged(DROP_INTO, true);
            }
            e.consume();
        });
        setOnDragExited(e -> pseudoClassStateChanged(DROP_INTO, false));
        setOnDragDropped(e -> {
            String field = FormCanvas.draggedField(e);
            pseudoClassStateChanged(DROP_INTO, false);
            e.setDropCompleted(field != null);
            e.consume();
            if (field != null) {
                takeOff.accept(field);
            }
        });
    }

    void render() {
        list.getChildren().clear();
        List<PlaceableField> unplaced = draft.unplaced();
        group("studio.designer.palette.builtIn", unplaced.stream().filter(PlaceableField::builtIn).toList());
        group("studio.designer.palette.custom", unplaced.stream().filter(f -> !f.builtIn()).toList());
        if (unplaced.isEmpty()) {
            Label all = new Label(I18n.get("studio.designer.palette.empty"));
            all.setId("paletteEmpty");
            all.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            all.setWrapText(true);
            list.getChildren().add(all);
        }
    }

    private void group(String titleKey, List<PlaceableField> fields) {
        if (fields.isEmpty()) {
            return;
        }
        Label heading = new Label(I18n.get(titleKey));
        heading.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "fm-palette-group");
        list.getChildren().add(heading);
        for (PlaceableField field : fields) {
            Label chip = new Label(DesignerFields.label(field), new FontIcon(icon(DesignerFields.kind(field))));
            chip.setId(DesignerFields.idOf("palette-", field.name()));
            chip.getStyleClass().add("fm-chip");
            chip.setMaxWidth(Double.MAX_VALUE);
            chip.setTooltip(new javafx.scene.control.Tooltip(DesignerFields.kindText(field)));
            FormCanvas.dragSource(chip, field.name());
            chip.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    addAtEnd.accept(field.name());
                }
            });
            list.getChildren().add(chip);
        }
    }

    private static Feather icon(FieldType type) {
        return switch (type) {
            case LONG_TEXT -> Feather.ALIGN_LEFT;
            case NUMBER, MONEY -> Feather.HASH;
            case DATE, DATE_TIME -> Feather.CALENDAR;
            case SINGLE_CHOICE -> Feather.CHEVRON_DOWN;
            case MULTI_CHOICE -> Feather.CHECK_SQUARE;
            case USER -> Feather.USER;
            case REGION -> Feather.MAP_PIN;
            case CHECKBOX -> Feather.CHECK_CIRCLE;
            case LINK -> Feather.LINK;
            default -> Feather.TYPE;
        };
    }
}
