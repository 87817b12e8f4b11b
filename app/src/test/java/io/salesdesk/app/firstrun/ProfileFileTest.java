package io.salesdesk.app.firstrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.salesdesk.app.common.AppearancePreferences;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.profile.ConnectionProfiles;

/** --profile-file: IT's preset profile and language, set up once, the password from the environment. */
class ProfileFileTest {

    @TempDir
    Path dir;
    final AppearancePreferences appearance = AppearancePreferences.load(
            Preferences.userRoot().node("io/salesdesk/test/" + UUID.randomUUID()), Locale.CHINA);

    @Test
    void propertiesFileSetsUpTheProfileToStartWithAndTheLanguage() throws IOException {
        Path file = Files.writeString(dir.resolve("salesdesk.properties"), """
                name=总部
                kind=POSTGRESQL
                host=db.example.cn
                database=sales
                user=sales_app
                passwordEnv=SALESDESK_DB_PASSWORD
                language=en
                """);
        ConnectionProfiles profiles = new ConnectionProfiles(dir.resolve("config"));

        boolean applied = ProfileFile.read(file).apply(profiles, appearance, Map.of("SALESDESK_DB_PASSWORD", "s3cret"));

        assertThat(applied).isTrue();
        assertThat(profiles.startWith()).contains("总部");
        DatabaseConfig config = profiles.config("总部");
        assertThat(config.url()).isEqualTo("jdbc:postgresql://db.example.cn:5432/sales");
        assertThat(config.user()).isEqualTo("sales_app");
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(appearance.getLanguage()).isEqualTo(AppearancePreferences.Language.ENGLISH);
        assertThat(Files.readString(dir.resolve("config").resolve("profiles.json"))).doesNotContain("s3cret");
    }

    @Test
    void jsonFileIsReadToo_andALaterStartLeavesTheUsersChoicesAlone() throws IOException {
        Path file = Files.writeString(dir.resolve("salesdesk.json"), """
                {"name": "branch", "kind": "HSQLDB_SERVER", "host": "10.0.0.5", "port": 9002,
                 "database": "salesdesk", "user": "SA", "language": "zh"}
                """);
        ConnectionProfiles profiles = new ConnectionProfiles(dir.resolve("config"));
        ProfileFile.read(file).apply(profiles, appearance, Map.of());
        assertThat(profiles.config("branch").url()).isEqualTo("jdbc:hsqldb:hsql://10.0.0.5:9002/salesdesk");

        appearance.setLanguage(AppearancePreferences.Language.ENGLISH);
        assertThat(ProfileFile.read(file).apply(profiles, appearance, Map.of())).isFalse();
        assertThat(appearance.getLanguage()).isEqualTo(AppearancePreferences.Language.ENGLISH);
    }

    @Test
    void passwordVariableThatIsNotSetIsRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("p.properties"),
                "kind=POSTGRESQL\nhost=h\nuser=u\npasswordEnv=MISSING_VAR\n");
        assertThatThrownBy(() -> ProfileFile.read(file).apply(new ConnectionProfiles(dir.resolve("config")),
                appearance, Map.of()))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("MISSING_VAR");
    }
}
