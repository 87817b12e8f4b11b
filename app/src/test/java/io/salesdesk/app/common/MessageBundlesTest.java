package io.salesdesk.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources/io/salesdesk/app");
    private static final Pattern LITERAL_KEY = Pattern.compile("I18n\\.get\\(\"([^\"]+)\"");

    private static Set<String> commerce(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(
                Path.of("../modules/commerce/src/main/resources/io/salesdesk/commerce").resolve(name))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages_en.properties").stringPropertyNames());
    }

    @Test
    void baseBundleHasTheSameKeysAsEnglish() throws IOException {
        assertThat(load("messages.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages_en.properties").stringPropertyNames());
    }

    @Test
    void noValueIsEmpty() throws IOException {
        for (String bundle : new String[] {"messages_zh_CN.properties", "messages_en.properties", "messages.properties"}) {
            Properties properties = load(bundle);
            assertThat(properties.stringPropertyNames())
                    .as(bundle)
                    .allSatisfy(key -> assertThat(properties.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void chineseBundleIsWrittenInChinese() throws IOException {
        assertThat(load("messages_zh_CN.properties").getProperty("nav.CUSTOMERS")).isEqualTo("客户");
    }

    @Test
    void everyKeyTheSourcesUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    if (!key.endsWith(".")) { // a prefix completed at run time, e.g. "tier." + tier
                        used.add(key);
                    }
                }
            }
        }
        Set<String> known = load("messages_zh_CN.properties").stringPropertyNames();

        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    /** Keys the feature modules raise in exceptions and field problems, which the user reads translated. */
    private static final Pattern DOMAIN_KEY = Pattern.compile(
            "(?:new \\w*Exception\\(\\s*|FieldProblem\\.of\\(\\s*\"[^\"]+\",\\s*|super\\(\\s*)\"([a-z][\\w]*\\.[\\w.]+)\"");

    @Test
    void everyKeyTheModulesRaiseExists() throws IOException {
        Set<String> raised = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("../modules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("src/main/java"))
                    .toList()) {
                Matcher matcher = DOMAIN_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    raised.add(matcher.group(1));
                }
            }
        }
        // The commerce module keeps its words in its own bundle, which I18n falls back to.
        Set<String> chinese = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        chinese.addAll(commerce("messages.properties"));
        Set<String> english = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        english.addAll(commerce("messages_en.properties"));

        assertThat(raised).contains("opportunity.stage.amountRequired", "board.wipExceeded", "stock.reserve.short");
        assertThat(chinese).containsAll(raised);
        assertThat(english).containsAll(raised);
    }

    @Test
    void domainKeysAndEnumLabelsExist() throws IOException {
        Set<String> known = load("messages_en.properties").stringPropertyNames();
        Set<String> required = new TreeSet<>(Set.of("error.stale", "error.alreadyOpen", "error.schemaTooNew",
                "error.validation", "error.dataDirUnusable", "customer.name.required", "customer.name.duplicate",
                "customer.name.tooLong", "customer.creditCode.wrongLength", "customer.creditCode.invalidCharacter",
                "customer.creditCode.wrongCheckDigit", "customer.phone.invalid", "customer.region.unknown",
                "customer.tier.required", "customer.owner.unknown", "contact.name.required", "contact.mobile.invalid",
                "contact.phone.invalid", "contact.email.invalid", "activity.kind.required", "activity.note.tooLong",
                "activity.customer.notFound"));
        for (io.salesdesk.crm.Tier tier : io.salesdesk.crm.Tier.values()) {
            required.add("tier." + tier.name());
        }
        for (io.salesdesk.crm.ActivityKind kind : io.salesdesk.crm.ActivityKind.values()) {
            required.add("activityKind." + kind.name());
        }
        for (io.salesdesk.core.Role role : io.salesdesk.core.Role.values()) {
            required.add("role." + role.name());
        }
        for (io.salesdesk.db.DatabaseConfig.Mode mode : io.salesdesk.db.DatabaseConfig.Mode.values()) {
            required.add("dbMode." + mode.name());
        }
        for (String industry : io.salesdesk.app.customers.Industries.CODES) {
            required.add("industry." + industry);
        }
        for (io.salesdesk.board.BoardField field : io.salesdesk.board.BoardField.values()) {
            required.add("boardField." + field.name());
        }
        for (io.salesdesk.board.task.TaskPriority priority : io.salesdesk.board.task.TaskPriority.values()) {
            required.add("taskPriority." + priority.name());
        }
        for (io.salesdesk.crm.lead.LeadStatus status : io.salesdesk.crm.lead.LeadStatus.values()) {
            required.add("leadStatus." + status.name());
        }
        for (io.salesdesk.crm.lead.Lead.AssignmentFlag flag : io.salesdesk.crm.lead.Lead.AssignmentFlag.values()) {
            required.add("leadFlag." + flag.name());
            required.add("leadFlag.hint." + flag.name());
        }
        for (Page page : Page.values()) {
            required.add("nav." + page.name());
            required.add("coming." + page.name());
        }

        assertThat(known).containsAll(required);
    }

    @Test
    void alreadyOpenMessageNamesTheFolder() {
        I18n.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(I18n.get("error.alreadyOpen", "/home/wang/SalesDesk"))
                .isEqualTo("SalesDesk 已在此数据文件夹上打开：/home/wang/SalesDesk");
        I18n.setLocale(java.util.Locale.ENGLISH);
        assertThat(I18n.get("error.alreadyOpen", "/data"))
                .isEqualTo("SalesDesk is already open on this data folder: /data");
        I18n.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    }
}
