package io.salesdesk.insight.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CjkFontTest {

    @TempDir
    Path dir;

    @Test
    void withoutAnyChineseFontTheMessageSaysWhatToInstall() {
        assertThatThrownBy(() -> CjkFont.locate(Map.of(), List.of(dir.resolve("none.ttc") + ",2")))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("fonts-noto-cjk", "SALESDESK_CJK_FONT");
                    assertThat(e.message(Locale.ENGLISH)).contains("Install one");
                });
    }

    @Test
    void theConfiguredFontComesFirstAndACollectionGetsItsFirstFace() throws Exception {
        Path font = Files.createFile(dir.resolve("mine.ttc"));
        assertThat(CjkFont.locate(Map.of(CjkFont.ENVIRONMENT_VARIABLE, font.toString()), List.of()))
                .isEqualTo(font + ",0");
        assertThat(CjkFont.fileOf(font + ",0")).isEqualTo(font.toString());
    }
}
