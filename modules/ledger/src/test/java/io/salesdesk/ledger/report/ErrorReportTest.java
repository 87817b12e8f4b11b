package io.salesdesk.ledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.imports.TestLedgers;
import io.salesdesk.ledger.map.HeaderRow;
import io.salesdesk.ledger.read.ReadLimits;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorReportTest {

    @TempDir
    Path dir;

    @Test
    void reportCopiesTheSheetAddsAnErrorColumnAndMarksBadCellsWithAComment() throws Exception {
        Path ledger = TestLedgers.xlsx(dir.resolve("客户台账.xlsx"), "客户台账", List.of("客户名称", "电话", "签约日期"), List.of(
                Arrays.asList("甲公司", "13800138000", LocalDate.of(2025, 11, 3)),
                Arrays.asList("乙公司", "12345", "明天")));
        List<CellProblem> problems = List.of(
                new CellProblem(5, 1, "电话", "12345", "ledger.convert.badPhone", List.of("12345")),
                new CellProblem(5, 2, "签约日期", "明天", "ledger.convert.notADate", List.of("明天")));
        Path report = ErrorReport.defaultPath(ledger);

        ErrorReport.write(ledger, "客户台账", ReadLimits.DEFAULT, new HeaderRow(3, 3, List.of("客户名称", "电话", "签约日期")),
                problems, p -> "原因 " + p.value(), report, ErrorReport.Scope.WHOLE_SHEET);

        assertThat(report.getFileName().toString()).isEqualTo("客户台账.errors.xlsx");
        try (InputStream in = Files.newInputStream(report); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("客户台账");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("错误/Error");
            assertThat(sheet.getRow(3).getCell(2).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2025, 11, 3));
            assertThat(sheet.getRow(3).getCell(3)).as("good rows have no error").isNull();
            XSSFCell badPhone = sheet.getRow(4).getCell(1);
            assertThat(badPhone.getStringCellValue()).isEqualTo("12345");
            assertThat(badPhone.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(badPhone.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.ROSE.getIndex());
            assertThat(badPhone.getCellComment().getString().getString()).isEqualTo("原因 12345");
            assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).isEqualTo("电话：原因 12345；签约日期：原因 明天");
        }
    }

    @Test
    void afterSkipInvalidTheReportHoldsOnlyTheBadRowsWithTheirPlaceInTheLedger() throws Exception {
        Path ledger = TestLedgers.xlsx(dir.resolve("客户台账.xlsx"), "客户台账", List.of("客户名称", "电话", "签约日期"), List.of(
                Arrays.asList("甲公司", "13800138000", LocalDate.of(2025, 11, 3)),
                Arrays.asList("乙公司", "12345", LocalDate.of(2025, 11, 4)),
                Arrays.asList("丙公司", "13900139000", LocalDate.of(2025, 11, 5)),
                Arrays.asList("丁公司", "13700137000", "明天")));
        List<CellProblem> problems = List.of(
                new CellProblem(5, 1, "电话", "12345", "ledger.convert.badPhone", List.of("12345")),
                new CellProblem(7, 2, "签约日期", "明天", "ledger.convert.notADate", List.of("明天")));
        Path report = dir.resolve("report.xlsx");

        ErrorReport.write(ledger, "客户台账", ReadLimits.DEFAULT, new HeaderRow(3, 3, List.of("客户名称", "电话", "签约日期")),
                problems, p -> "原因 " + p.value(), report, ErrorReport.Scope.BAD_ROWS);

        try (InputStream in = Files.newInputStream(report); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).as("the title stays").isEqualTo("客户台账");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("客户名称");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo(ErrorReport.ERROR_HEADER);
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo(ErrorReport.ROW_HEADER);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("乙公司");
            assertThat(sheet.getRow(3).getCell(1).getCellComment().getString().getString()).isEqualTo("原因 12345");
            assertThat(sheet.getRow(3).getCell(4).getNumericCellValue()).isEqualTo(5);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("丁公司");
            assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).isEqualTo("签约日期：原因 明天");
            assertThat(sheet.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(7);
            assertThat(sheet.getLastRowNum()).as("good rows are left out").isEqualTo(4);
        }
    }
}
