package io.salesdesk.app.sync;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.FieldChange;
import io.salesdesk.sync.TravelChange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A replica's unsynced changes as a sheet a person can read and enter again: one line per changed
 * field (record, operation, field, old and new value, who). Written before a replica past the hub's
 * retention limit is re-created, so nothing typed at the branch is lost. {@code .xlsx} or {@code .csv}
 * (UTF-8 with a byte order mark, so Excel shows the Chinese).
 */
public final class UnsyncedExport {

    private UnsyncedExport() {
    }

    /** Writes the changes to {@code file}; its ending chooses the format. */
    public static void write(List<TravelChange> changes, Path file) {
        List<List<String>> rows = rows(changes);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (name.endsWith(".xlsx")) {
                xlsx(rows, file);
            } else if (name.endsWith(".csv")) {
                csv(rows, file);
            } else {
                throw new SalesDeskException("error.syncExportFormat", file);
            }
        } catch (IOException e) {
            throw new SalesDeskException(e, "error.syncExportWrite", file, e.getMessage());
        }
    }

    static List<List<String>> rows(List<TravelChange> changes) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(I18n.get("sync.export.entity"), I18n.get("sync.export.id"),
                I18n.get("sync.export.operation"), I18n.get("sync.export.field"), I18n.get("sync.export.old"),
                I18n.get("sync.export.new"), I18n.get("sync.export.by"), I18n.get("sync.export.change")));
        for (TravelChange c : changes) {
            String entity = I18n.label("sync.conflicts.entity", c.entity());
            String operation = I18n.label("sync.export.op", Op.of(c.operation()));
            String by = c.changedByName() == null ? "" : c.changedByName();
            Map<String, FieldChange> fields = c.changes();
            if (fields.isEmpty()) {
                rows.add(List.of(entity, c.entityId().toString(), operation, "", "", "", by, c.changeId().toString()));
            }
            fields.forEach((field, change) -> rows.add(List.of(entity, c.entityId().toString(), operation, fieldName(c, field),
                    text(change.oldValue()), text(change.newValue()), by, c.changeId().toString())));
        }
        return rows;
    }

    /** The operations a change record names. */
    enum Op {
        INSERT, UPDATE, DELETE;

        static Op of(String operation) {
            return "INSERT".equals(operation) ? INSERT : "DELETE".equals(operation) ? DELETE : UPDATE;
        }
    }

    private static String fieldName(TravelChange c, String field) {
        // An entity's own label first, as in the conflicts view: a quote's 报价明细, a task's 标题.
        String own = "sync.field." + c.entity().name() + "." + field;
        String key = I18n.has(own) ? own : "sync.field." + field;
        return I18n.has(key) ? I18n.get(key) : field;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void xlsx(List<List<String>> rows, Path file) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet(I18n.get("sync.export.sheet"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    row.createCell(c).setCellValue(values.get(c));
                }
            }
            for (int c = 0; c < rows.get(0).size(); c++) {
                sheet.setColumnWidth(c, 20 * 256);
            }
            book.write(out);
        }
    }

    private static void csv(List<List<String>> rows, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            for (List<String> row : rows) {
                out.write(String.join(",", row.stream().map(UnsyncedExport::quote).toList()));
                out.write("\r\n");
            }
        }
    }

    private static String quote(String value) {
        boolean needs = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return needs ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
