package io.salesdesk.app.ledgers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.ledger.map.HeaderRow;
import io.salesdesk.ledger.model.LedgerEntity;
import io.salesdesk.ledger.read.LedgerRow;
import io.salesdesk.ledger.read.SheetInfo;

/**
 * Step ①: the file, what it is imported into, the sheet (hidden sheets listed and marked, never the
 * default) and the first rows of that sheet as they are in the file, the header row marked.
 */
final class SheetStep extends VBox {

    private static final PseudoClass HEADER = PseudoClass.getPseudoClass("header");
    private static final int MAX_COLUMNS_SHOWN = 30;

    private final Button choose = new Button(I18n.get("ledgers.import.choose"), new FontIcon(Feather.FOLDER));
    private final Label fileLabel = new Label(I18n.get("ledgers.import.noFile"));
    private final ComboBox<String> entity;
    private final ComboBox<SheetInfo> sheet;
    private final Label sheetHint = new Label();
    private final Label entityHint = new Label();
    private final TableView<LedgerRow> rows = new TableView<>();
    private int headerFirst;
    private int headerLast;
    private boolean updating;

    /**
     * @param entities      the keys of the importable entities
     * @param entityOf      an entity's fields and labels
     * @param onChoose      opens the file chooser
     * @param onEntity      the user chose another entity
     * @param onSheet       the user chose another sheet
     */
    SheetStep(List<String> entities, Function<String, LedgerEntity> entityOf, Runnable onChoose,
            Consumer<String> onEntity, Consumer<String> onSheet) {
        super(12);
        setId("ledgerStepSheet");
        choose.setId("ledgerChoose");
        choose.getStyleClass().add(Styles.ACCENT);
        choose.setOnAction(e -> onChoose.run());
        fileLabel.setId("ledgerFile");
        fileLabel.getStyleClass().add(Styles.TEXT_MUTED);
        HBox fileRow = new HBox(12, choose, fileLabel);
        fileRow.setAlignment(Pos.CENTER_LEFT);

        entity = Pickers.of(entities, key -> EntityTexts.label(entityOf.apply(key)), I18n.get("ledgers.import.entity"));
        entity.setId("ledgerEntity");
        entity.setValue(entities.isEmpty() ? null : entities.get(0));
        entity.setPrefWidth(130);
        entity.valueProperty().addListener((obs, old, now) -> {
            showEntityHint(now);
            if (!updating && now != null) {
                onEntity.accept(now);
            }
        });
        entityHint.setId("ledgerEntityHint");
        entityHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        entityHint.setWrapText(true);
        showEntityHint(entity.getValue());
        sheet = Pickers.of(List.of(), SheetStep::sheetLabel, I18n.get("ledgers.sheet.none"));
        sheet.setId("ledgerSheet");
        sheet.setDisable(true);
        sheet.setPrefWidth(220);
        sheet.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                onSheet.accept(now.name());
            }
        });
        sheetHint.setId("ledgerSheetHint");
        sheetHint.getStyleClass().add(Styles.TEXT_MUTED);
        HBox options = new HBox(12, new Label(I18n.get("ledgers.import.entity")), entity,
                new Label(I18n.get("ledgers.sheet.label")), sheet, sheetHint);
        options.setAlignment(Pos.CENTER_LEFT);

        Label rowsTitle = new Label(I18n.get("ledgers.sheet.rows"));
        rowsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        rows.setId("ledgerSheetRows");
        rows.getStyleClass().addAll(Styles.DENSE, Styles.BORDERED, Tweaks.EDGE_TO_EDGE, "ledger-sheet-rows");
        rows.setPrefHeight(330);
        VBox.setVgrow(rows, javafx.scene.layout.Priority.ALWAYS); // fills the step, as tall as the tallest
        rows.setPlaceholder(new Label(I18n.get("ledgers.problems.noFile")));
        rows.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(LedgerRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(HEADER, !empty && item != null
                        && item.rowNumber() >= headerFirst && item.rowNumber() <= headerLast);
            }
        });
        VBox optionsBox = new VBox(4, options, entityHint);
        getChildren().setAll(fileRow, optionsBox, rowsTitle, rows);
    }

    /** Focuses the file chooser button. */
    void focusChoose() {
        choose.requestFocus();
    }

    /** The entity chosen. */
    String entityKey() {
        return entity.getValue();
    }

    private void showEntityHint(String key) {
        String hintKey = "ledgers.import.entityHint." + key;
        entityHint.setText(key != null && I18n.has(hintKey) ? I18n.get(hintKey) : "");
    }

    void showFile(Path file) {
        fileLabel.setText(file.toString());
    }

    /** Shows a sheet's first rows and its workbook's sheets, the one read chosen. */
    void showSample(SheetSample sample) {
        updating = true;
        try {
            sheet.getItems().setAll(sample.sheets());
            sample.sheets().stream().filter(s -> s.name().equals(sample.sheetName())).findFirst()
                    .ifPresent(sheet::setValue);
            sheet.setDisable(sample.sheets().size() < 2);
        } finally {
            updating = false;
        }
        long hidden = sample.sheets().stream().filter(s -> !s.visible()).count();
        sheetHint.setText(I18n.get("ledgers.sheet.count", sample.sheets().size(), hidden));
        headerFirst = sample.header().map(HeaderRow::firstRowNumber).orElse(0);
        headerLast = sample.header().map(HeaderRow::lastRowNumber).orElse(0);
        int columns = Math.min(MAX_COLUMNS_SHOWN, sample.rows().stream().mapToInt(r -> r.cells().size()).max().orElse(0));
        List<TableColumn<LedgerRow, String>> shown = new ArrayList<>();
        TableColumn<LedgerRow, String> number = column("", r -> String.valueOf(r.rowNumber()));
        number.setPrefWidth(44);
        number.getStyleClass().add("row-number");
        shown.add(number);
        for (int c = 0; c < columns; c++) {
            int index = c;
            TableColumn<LedgerRow, String> column = column(LedgersPage.columnName(c), r -> r.cell(index).text());
            column.setPrefWidth(120);
            shown.add(column);
        }
        rows.getColumns().setAll(shown);
        rows.setPlaceholder(new Label(I18n.get("ledgers.sheet.empty")));
        rows.getItems().setAll(sample.rows());
    }

    /** Back to "no file". */
    void clear() {
        fileLabel.setText(I18n.get("ledgers.import.noFile"));
        updating = true;
        try {
            sheet.getItems().clear();
            sheet.setDisable(true);
        } finally {
            updating = false;
        }
        sheetHint.setText("");
        rows.getItems().clear();
        rows.getColumns().clear();
        rows.setPlaceholder(new Label(I18n.get("ledgers.problems.noFile")));
    }

    private static TableColumn<LedgerRow, String> column(String title, Function<LedgerRow, String> value) {
        TableColumn<LedgerRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private static String sheetLabel(SheetInfo info) {
        return info.visible() ? info.name() : I18n.get("ledgers.sheet.hidden", info.name());
    }
}
