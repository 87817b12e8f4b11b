package io.salesdesk.app.ledgers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small ledgers written with POI for the wizard's UI tests. */
final class LedgerWorkbooks {

    private LedgerWorkbooks() {
    }

    /**
     * A workbook whose first sheet is hidden (last year's table, two new customers) and whose second,
     * 客户台账, has a title row, a column no synonym knows (办公地点), a good row, a row with a bad phone
     * (row 4) and a row duplicating an existing customer by name (row 5).
     */
    static Path twoSheets(Path file, String newName, String address, String existingName, String newPhone,
            String owner) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet old = workbook.createSheet("2024旧表");
            row(old, 0, "客户名称", "电话");
            row(old, 1, "旧表客户甲有限公司", "0512-65230011");
            row(old, 2, "旧表客户乙有限公司", "0512-65230012");
            Sheet sheet = workbook.createSheet("客户台账");
            row(sheet, 0, "2026年客户台账");
            row(sheet, 1, "单位名称", "客户级别", "联系电话", "业务员", "办公地点");
            row(sheet, 2, newName, "A", "0512-65238888", owner, address);
            row(sheet, 3, "台账坏电话测试公司", "B", "12345", owner);
            row(sheet, 4, existingName, "", newPhone, owner);
            workbook.setActiveSheet(1);
            workbook.setSelectedTab(1);
            workbook.setSheetHidden(0, true);
            return write(workbook, file);
        }
    }

    /** One sheet: a header row and data rows. */
    @SafeVarargs
    static Path single(Path file, List<String> headers, List<String>... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            row(sheet, 0, headers.toArray(String[]::new));
            for (int i = 0; i < rows.length; i++) {
                row(sheet, i + 1, rows[i].toArray(String[]::new));
            }
            return write(workbook, file);
        }
    }

    /** Many good rows, so that work is still running when a test cancels it. */
    static Path manyRows(Path file, String prefix, int count) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("客户");
            row(sheet, 0, "客户名称", "电话");
            for (int i = 1; i <= count; i++) {
                row(sheet, i, prefix + i + "有限公司", String.format("0512-6%07d", i));
            }
            return write(workbook, file);
        }
    }

    private static Path write(XSSFWorkbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }
}
