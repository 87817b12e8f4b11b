package io.salesdesk.app.dashboard.charts;

import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.I18n;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import atlantafx.base.theme.Styles;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Saves any chart (any node) as a PNG picture and its data as an .xlsx sheet; {@link #buttons}
 * gives the two small buttons a chart card shows. Shared by every dashboard view.
 */
public final class ChartExport {

    private ChartExport() {
    }

    /** Writes a picture of {@code node} as it is shown, at twice the screen's scale for print; on the FX thread. */
    public static void writePng(Node node, Path file) throws IOException {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        parameters.setTransform(Transform.scale(2, 2));
        WritableImage image = node.snapshot(parameters, null);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    /** Writes {@code table} as an .xlsx workbook with one sheet; numbers stay numbers. */
    public static void writeXlsx(ChartTable table, Path file) throws IOException {
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.sheet()));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < table.headers().size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(table.headers().get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, c == 0 ? 28 * 256 : 16 * 256);
            }
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> cells = table.rows().get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    /**
     * Two buttons: save {@code chart} as PNG, save {@code data} as .xlsx; the file is chosen in a
     * save dialog named after {@code baseName}.
     *
     * @param id the buttons' ids are {@code id + "Png"} and {@code id + "Xlsx"}
     */
    public static HBox buttons(String id, Node chart, Supplier<ChartTable> data, Supplier<String> baseName) {
        Button png = new Button(null, new FontIcon(Feather.IMAGE));
        png.setId(id + "Png");
        png.setTooltip(new Tooltip(I18n.get("chart.export.png")));
        png.setOnAction(e -> choose(chart, baseName.get() + ".png", "*.png", file -> writePng(chart, file)));
        Button xlsx = new Button(null, new FontIcon(Feather.DOWNLOAD));
        xlsx.setId(id + "Xlsx");
        xlsx.setTooltip(new Tooltip(I18n.get("chart.export.xlsx")));
        xlsx.setOnAction(e -> choose(chart, baseName.get() + ".xlsx", "*.xlsx", file -> writeXlsx(data.get(), file)));
        for (Button b : List.of(png, xlsx)) {
            b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            b.setFocusTraversable(false);
        }
        HBox box = new HBox(2, png, xlsx);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path file) throws IOException;
    }

    private static void choose(Node owner, String name, String pattern, Writer writer) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name.replaceAll("[\\\\/:*?\"<>|]", "_"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        File file = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            writer.write(file.toPath());
        } catch (IOException | RuntimeException e) {
            ErrorDialogs.show(e);
        }
    }
}
