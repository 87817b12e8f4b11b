package io.salesdesk.ledger.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.ledger.model.CustomerLedger;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnMapperTest {

    private final ColumnMapper mapper = new ColumnMapper(CustomerLedger.ENTITY);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            客户名称           | name          | 1
            公司名称*          | name          | 1
            单位 名称          | name          | 1
            Company Name      | name          | 1
            CUSTOMER          | name          | 1
            统一社会信用代码    | creditCode    | 1
            税号（18位）        | creditCode    | 1
            USCC              | creditCode    | 1
            客户等级           | tier          | 1
            【级别】           | tier          | 1
            省份              | province      | 1
            地市              | city          | 1
            区/县             | district      | 1
            详细地址           | address       | 1
            联系电话           | phone         | 1
            联系人             | contactName   | 1
            联系人手机          | contactMobile | 1
            手机号码           | contactMobile | 1
            客户经理           | owner         | 1
            业务员             | owner         | 1
            最后联系时间        | lastFollowUp  | 1
            合同金额（万元）     | amount        | 10000
            签约金额(万元)      | amount        | 10000
            金额/千元          | amount        | 1000
            成交金额（元）       | amount        | 1
            合同金额合计        | amount        | 1
            签约日期           | signedOn      | 1
            备注              | note          | 1
            Remarks           | note          | 1
            """)
    void mapsRealWorldHeadersToCustomerFields(String header, String fieldKey, BigDecimal scale) {
        ColumnMapping mapping = mapper.map(List.of(header));

        assertThat(mapping.columns()).singleElement().satisfies(column -> {
            assertThat(column.fieldKey()).isEqualTo(fieldKey);
            assertThat(column.scale()).isEqualByComparingTo(scale);
        });
    }

    @Test
    void mapsEachFieldOnceAndReportsTheRest() {
        ColumnMapping mapping = mapper.map(List.of("序号", "客户名称", "公司名称", "电话", "", "微信号"));

        assertThat(mapping.columns()).extracting(MappedColumn::column, MappedColumn::fieldKey)
                .containsExactly(tuple(1, "name"), tuple(3, "phone"));
        assertThat(mapping.unmapped()).extracting(UnmappedColumn::header).containsExactly("序号", "公司名称", "微信号");
    }

    @Test
    void exactMatchWinsOverContainedSynonym() {
        ColumnMapping mapping = mapper.map(List.of("客户经理", "客户名称"));

        assertThat(mapping.columnFor("owner")).map(MappedColumn::column).contains(0);
        assertThat(mapping.columnFor("name")).map(MappedColumn::column).contains(1);
    }

    @Test
    void reportsMissingRequiredFields() {
        ColumnMapping mapping = mapper.map(List.of("电话", "地址"));

        assertThat(mapping.missingRequired(CustomerLedger.ENTITY)).extracting(f -> f.key()).containsExactly("name");
    }

    @Test
    void headerSignatureIgnoresSpacingCaseAndFullWidthForms() {
        assertThat(ColumnMapper.headerSignature(List.of("客户名称", "Phone", "金额(万元)")))
                .isEqualTo(ColumnMapper.headerSignature(List.of(" 客户 名称 ", "PHONE", "金额（万元）")))
                .isNotEqualTo(ColumnMapper.headerSignature(List.of("客户名称", "Phone")))
                .hasSize(16);
    }
}
