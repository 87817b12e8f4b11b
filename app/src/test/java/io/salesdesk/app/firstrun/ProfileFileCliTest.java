package io.salesdesk.app.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salesdesk --profile-file FILE} as IT runs it: a JVM of its own through Main's command line,
 * no window (the profile is set up before the command, here {@code profile list}), in a throwaway home,
 * config folder and preferences, so everything the run writes can be searched for the password.
 */
class ProfileFileCliTest {

    private static final String PASSWORD_ENV = "SALESDESK_TEST_DB_PASSWORD";
    private static final String PASSWORD = "Kq7-not-in-any-file-3f9a";

    @TempDir
    Path home;
    @TempDir
    Path files;

    record Run(int exit, String out, String err) {
    }

    private Run salesdesk(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Djava.util.prefs.userRoot=" + home.resolve("prefs"),
                "-Dsalesdesk.config.dir=" + home.resolve("config"), "-Dsalesdesk.logs=" + home.resolve("logs"),
                "-Duser.language=zh", "-Duser.country=CN", "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "io.salesdesk.app.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("SALESDESK") || k.startsWith("XDG_"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile(files, "out", ".txt");
        Path err = Files.createTempFile(files, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("salesdesk %s ended", args).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run withProfileFile(Path file, Map<String, String> env) throws IOException, InterruptedException {
        return salesdesk(env, "--profile-file", file.toString(), "profile", "list");
    }

    private String profiles() throws IOException {
        return Files.readString(home.resolve("config").resolve("profiles.json"));
    }

    /** The language the app stored in its (throwaway) preferences. */
    private Path languagePreferences() throws IOException {
        try (Stream<Path> all = Files.walk(home.resolve("prefs"))) {
            return all.filter(p -> p.getFileName().toString().equals("prefs.xml"))
                    .filter(p -> read(p).contains("key=\"language\"")).findFirst().orElseThrow();
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertPasswordWrittenNowhere(Run... runs) throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            assertThat(all.filter(Files::isRegularFile).filter(f -> read(f).contains(PASSWORD)).toList())
                    .as("files holding the password").isEmpty();
        }
        for (Run run : runs) {
            assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aPropertiesFileSetsUpTheProfileAndLanguageOnce_aLaterStartLeavesTheUsersChangesAlone() throws Exception {
        Path file = Files.writeString(files.resolve("salesdesk-profile.properties"), """
                # IT's preset for every desk
                name=总部
                kind=POSTGRESQL
                host=db.example.cn
                database=sales
                user=sales_app
                passwordEnv=%s
                language=en
                """.formatted(PASSWORD_ENV));
        Map<String, String> env = Map.of(PASSWORD_ENV, PASSWORD);

        Run first = withProfileFile(file, env);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("* 总部").contains("sales_app@db.example.cn:5432/sales");
        assertThat(profiles()).contains("\"startWith\" : \"总部\"").contains("db.example.cn");
        assertThat(read(languagePreferences())).contains("value=\"ENGLISH\"");

        // The user points the profile at another server and switches to Chinese.
        Run edit = salesdesk(Map.of("OTHER_PASSWORD", "x"), "profile", "add", "总部", "--kind", "POSTGRESQL",
                "--host", "db2.example.cn", "--user", "sales_app", "--password-from", "OTHER_PASSWORD");
        assertThat(edit.exit()).as(edit.err()).isZero();
        Path preferences = languagePreferences();
        Files.writeString(preferences, read(preferences).replace("value=\"ENGLISH\"", "value=\"CHINESE\""));

        Run second = withProfileFile(file, env);

        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(profiles()).contains("db2.example.cn").doesNotContain("db.example.cn:");
        assertThat(second.out()).contains("sales_app@db2.example.cn:5432/sales");
        assertThat(read(languagePreferences())).contains("value=\"CHINESE\"");
        assertPasswordWrittenNowhere(first, second);
    }

    @Test
    void aJsonFileSetsUpItsProfileToo() throws Exception {
        Path file = Files.writeString(files.resolve("salesdesk-profile.json"), """
                {
                  "name": "branch",
                  "kind": "HSQLDB_SERVER",
                  "host": "10.0.0.5",
                  "port": 9002,
                  "user": "SA",
                  "passwordEnv": "%s",
                  "language": "en"
                }
                """.formatted(PASSWORD_ENV));

        Run run = withProfileFile(file, Map.of(PASSWORD_ENV, PASSWORD));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("* branch").contains("SA@10.0.0.5:9002/salesdesk");
        // English: the run's own locale is Chinese, so Chinese would leave nothing to see.
        assertThat(read(languagePreferences())).contains("value=\"ENGLISH\"");
        assertPasswordWrittenNowhere(run);
    }

    @Test
    void aBadFileIsRefusedNamingTheFileAndTheLineAndNothingIsSetUp() throws Exception {
        Path json = Files.writeString(files.resolve("broken.json"), """
                {
                  "name": "总部",
                  "host": "db.example.cn"
                  "user": "sales_app"
                }
                """);
        Run broken = withProfileFile(json, Map.of());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("配置文件 " + json + " 不是有效的 JSON：第 4 行");

        Path kind = Files.writeString(files.resolve("kind.properties"), "name=总部\nkind=ORACLE\nhost=db.example.cn\n");
        Run badKind = withProfileFile(kind, Map.of());
        assertThat(badKind.exit()).isEqualTo(2);
        assertThat(badKind.err()).contains("配置文件 " + kind + " 第 2 行，字段 kind：kind “ORACLE” 无效");

        Path typo = Files.writeString(files.resolve("typo.properties"),
                "name=总部\nkind=POSTGRESQL\nhots=db.example.cn\nuser=sales_app\n");
        Run misspelt = withProfileFile(typo, Map.of());
        assertThat(misspelt.exit()).isEqualTo(2);
        assertThat(misspelt.err()).contains("配置文件 " + typo + " 第 3 行，字段 hots：无法识别的字段");

        Path noVariable = Files.writeString(files.resolve("env.properties"),
                "name=总部\nhost=db.example.cn\nuser=sales_app\npasswordEnv=" + PASSWORD_ENV + "\n");
        Run unset = withProfileFile(noVariable, Map.of());
        assertThat(unset.exit()).isEqualTo(2);
        assertThat(unset.err()).contains("配置文件 " + noVariable + " 第 4 行：passwordEnv 指定的环境变量 "
                + PASSWORD_ENV + " 没有设置");

        Run missing = withProfileFile(files.resolve("nowhere.properties"), Map.of());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("找不到配置文件 " + files.resolve("nowhere.properties"));

        assertThat(home.resolve("config").resolve("profiles.json")).doesNotExist();
    }
}
