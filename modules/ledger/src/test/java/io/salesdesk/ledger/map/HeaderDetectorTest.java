package io.salesdesk.ledger.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.ledger.model.CustomerLedger;
import io.salesdesk.ledger.read.CellValue;
import io.salesdesk.ledger.read.LedgerRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderDetectorTest {

    private final HeaderDetector detector = new HeaderDetector(new ColumnMapper(CustomerLedger.ENTITY));

    /** Rows written as "|"-separated cells, rows separated by "/"; a number-looking cell becomes a number. */
    private static List<LedgerRow> sheet(String layout) {
        List<LedgerRow> rows = new ArrayList<>();
        String[] lines = layout.split("/", -1);
        for (int i = 0; i < lines.length; i++) {
            List<CellValue> cells = new ArrayList<>();
            for (String cell : lines[i].split("\\|", -1)) {
                String text = cell.strip();
                cells.add(text.matches("-?\\d+(\\.\\d+)?") ? CellValue.number(new BigDecimal(text)) : CellValue.text(text));
            }
            LedgerRow row = new LedgerRow(i + 1, cells);
            if (!row.isBlank()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            header in the first row           # 客户名称|电话|金额 / 杭州甲公司|13800138000|12.5                                 # 1 # 客户名称,电话,金额
            title row above                   # 2021-2025年华东区客户台账 / 客户名称|联系人|手机号 / 杭州甲公司|张三|13800138000 # 2 # 客户名称,联系人,手机号
            title, blank and note rows        # 客户台账 / / 说明：带*为必填 / 序号|客户名称*|省份|城市|签约金额（万元） / 1|甲|浙江|杭州|12 # 4 # 序号,客户名称*,省份,城市,签约金额（万元）
            english headers                   # Customer list 2025 / Company|Phone|Owner|Amount / Acme|021-62345678|Li|100 # 2 # Company,Phone,Owner,Amount
            unknown labels followed by data   # 编号|品名|规格 / 1|螺丝|M3 / 2|螺母|M3                                          # 1 # 编号,品名,规格
            """)
    void findsTheHeaderRow(String description, String layout, int headerRow, String headers) {
        HeaderRow header = detector.detect(sheet(layout)).orElseThrow();

        assertThat(header.firstRowNumber()).isEqualTo(headerRow);
        assertThat(header.lastRowNumber()).isEqualTo(headerRow);
        assertThat(header.headers()).containsExactlyElementsOf(Arrays.asList(headers.split(",")));
    }

    @Test
    void joinsAHeaderSpanningTwoRows() {
        List<LedgerRow> rows = sheet("客户名称|联系人||金额 / |姓名|电话| / 甲公司|张三|13800138000|12");

        HeaderRow header = detector.detect(rows).orElseThrow();

        assertThat(header.firstRowNumber()).isEqualTo(1);
        assertThat(header.lastRowNumber()).isEqualTo(2);
        assertThat(header.headers()).containsExactly("客户名称", "联系人姓名", "联系人电话", "金额");
        assertThat(new ColumnMapper(CustomerLedger.ENTITY).map(header.headers()).columns())
                .extracting(MappedColumn::fieldKey)
                .containsExactly("name", "contactName", "contactMobile", "amount");
    }

    @Test
    void findsNoHeaderInASheetOfNumbers() {
        assertThat(detector.detect(sheet("1|2|3 / 4|5|6"))).isEmpty();
    }
}
