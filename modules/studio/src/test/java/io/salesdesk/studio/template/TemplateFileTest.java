package io.salesdesk.studio.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.SalesDeskException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading template files: what a person who wrote one by hand is told when it is wrong. */
class TemplateFileTest {

    private static final String MINIMAL = """
            {"format": 1, "id": "demo-x", "version": 1, "name": {"zh": "演示", "en": "Demo"}, %s}""";

    private static SalesDeskException refusal(String text) {
        try {
            TemplateFile.read(text, "0.1.0");
        } catch (TemplateException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void everyBuiltInTemplateReadsAndKeepsItsContentThroughWriteAndRead() {
        List<Template> all = BuiltInTemplates.all("0.1.0");
        assertThat(all).extracting(Template::id).contains("medical-regional", "key-account", "industrial-tiering");
        for (Template t : all) {
            assertThat(TemplateFile.read(TemplateFile.write(t), "0.1.0")).isEqualTo(t);
        }
    }

    @Test
    void textThatIsNotJsonIsRefusedWithItsLine() {
        SalesDeskException e = refusal("{\n  \"format\": 1,\n  \"id\": \"x\"\n  \"name\": 3\n}");
        assertThat(e.messageKey()).isEqualTo("template.file.notJson");
        assertThat(e.arguments()[0]).isEqualTo(4);
    }

    @Test
    void aNewerFormatIsRefusedBeforeItsContentIsRead() {
        SalesDeskException e = refusal("{\"format\": 2, \"id\": \"x\", \"fancyNewSection\": []}");
        assertThat(e.messageKey()).isEqualTo("template.file.newerFormat");
        assertThat(e.arguments()).containsExactly(2, 1);
    }

    @Test
    void aTemplateForANewerSalesDeskIsRefusedNamingBothVersions() {
        SalesDeskException e = refusal(MINIMAL.formatted("\"minAppVersion\": \"0.10\""));
        assertThat(e.messageKey()).isEqualTo("template.file.newerApp");
        assertThat(e.arguments()).containsExactly("0.10", "0.1.0");
        assertThat(TemplateFile.read(MINIMAL.formatted("\"minAppVersion\": \"0.1\""), "0.1.0-SNAPSHOT").id())
                .isEqualTo("demo-x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "customFields": [{"entity": "CUSTOMER", "key": "k1", "label": "L", "type": "COLOUR"}] | template.file.badValue | customFields[1].type
            "customFields": [{"entity": "CUSTOMER", "label": "L", "type": "TEXT"}]                | template.file.missing  | customFields[1].key
            "automationRule": []                                                                  | template.file.unknownKey | automationRule
            "boards": [{"kind": "BOARD", "name": "x"}]                                            | template.file.badValue | boards[1].kind
            "funnels": [{"name": "f", "nodes": [{"name": "n", "measure": "CLICKS"}]}]             | template.file.badValue | funnels[1].nodes[1].measure
            "slaRules": [{"code": "c", "name": "n", "subject": "CUSTOMER", "remindAfterMinutes": "soon"}] | template.file.badValue | slaRules[1].remindAfterMinutes
            """)
    void aBadPartIsRefusedNamingWhereItIs(String section, String key, String path) {
        SalesDeskException e = refusal(MINIMAL.formatted(section));
        assertThat(e.messageKey()).isEqualTo(key);
        assertThat(e.arguments()[0]).isEqualTo(path);
    }

    @Test
    void idAndNameAreRequired() {
        assertThat(refusal("{\"format\": 1, \"version\": 1, \"name\": {\"zh\": \"x\"}}").arguments())
                .containsExactly("id");
        assertThat(refusal("{\"format\": 1, \"id\": \"Bad Id\", \"version\": 1, \"name\": {\"zh\": \"x\"}}").messageKey())
                .isEqualTo("template.file.badId");
        assertThat(refusal("{\"format\": 1, \"id\": \"ok-id\", \"version\": 1}").arguments()).containsExactly("name");
    }

    @Test
    void versionsCompareNumberByNumber() {
        assertThat(TemplateFile.compareVersions("0.10.0", "0.9.3")).isPositive();
        assertThat(TemplateFile.compareVersions("1", "1.0.0")).isZero();
        assertThat(TemplateFile.compareVersions("0.1.0", "0.1.0-SNAPSHOT")).isZero();
    }

    @Test
    void aByteOrderMarkFromAWindowsEditorIsAccepted() {
        assertThat(TemplateFile.read("\uFEFF" + MINIMAL.formatted("\"description\": {\"zh\": \"说明\"}"),
                "0.1.0").id()).isEqualTo("demo-x");
    }

    @Test
    void aMissingFormatIsNamed() {
        assertThatThrownBy(() -> TemplateFile.read("{\"id\": \"x\"}", "0.1.0"))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.arguments()).containsExactly("format"));
    }
}
