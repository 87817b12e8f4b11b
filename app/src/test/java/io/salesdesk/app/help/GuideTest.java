package io.salesdesk.app.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every chapter of the user guide is there in both languages, with a title and the screenshots it shows. */
class GuideTest {

    private static final Pattern IMAGE = Pattern.compile("!\\[.*?\\]\\((.+?)\\)");

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyChapterHasATitleAndItsImagesAreBundledAndSmall(boolean chinese) throws IOException {
        Guide guide = new Guide(chinese);
        for (String chapter : Guide.CHAPTERS) {
            String text = guide.text(chapter);
            assertThat(text).as(chapter).doesNotContain("(missing)");
            assertThat(guide.title(chapter)).as(chapter).isNotEqualTo(chapter);
            Matcher image = IMAGE.matcher(text);
            while (image.find()) {
                try (var in = guide.image(image.group(1))) {
                    assertThat(in).as(chapter + " shows " + image.group(1)).isNotNull();
                }
                Path source = Paths.get("..", "docs", "guide", chinese ? "zh" : "en").resolve(image.group(1));
                assertThat(Files.size(source)).as(image.group(1) + " stays under 250 KB").isLessThan(250 * 1024);
            }
        }
    }
}
