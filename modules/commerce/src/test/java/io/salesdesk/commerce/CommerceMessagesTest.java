package io.salesdesk.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module's two bundles say the same things, once each, and every key the code throws is in them. */
class CommerceMessagesTest {

    private static final String DIR = "io/salesdesk/commerce/";
    private static final Pattern KEY = Pattern.compile(
            "\"((?:product|warehouse|stock|opportunity|opportunityLine|freeze|quote|settings)\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)*)\"");

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .isEqualTo(load("messages.properties").stringPropertyNames());
    }

    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            List<String> keys = new ArrayList<>();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(DIR + file)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        keys.add(line.substring(0, line.indexOf('=')).strip());
                    }
                }
            }
            Set<String> seen = new HashSet<>();
            assertThat(keys.stream().filter(k -> !seen.add(k)).toList()).as(file).isEmpty();
        }
    }

    @Test
    void everyKeyTheCodeUsesHasATextInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Paths.get("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(40);
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            assertThat(used.stream().filter(k -> !CommerceMessages.has(locale, k)).toList()).as(locale.toString())
                    .isEmpty();
        }
    }

    @Test
    void anExceptionSaysItInBothLanguages() {
        CommerceException e = new CommerceException("stock.release.tooMuch", "MON-M8", "WZ01", "5", "2");
        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("不能释放 5：MON-M8 在 WZ01 只预留了 2。");
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("Cannot release 5: only 2 of MON-M8 is reserved in WZ01.");
        assertThat(e.getMessage()).contains("不能释放 5").contains("Cannot release 5");
    }

    private Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DIR + file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
