package io.salesdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.db.profile.ConnectionProfile;
import io.salesdesk.db.profile.ConnectionProfiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile a replica made with {@code sync --hub-url} keeps for its head office. */
class HubUrlProfileTest {

    @TempDir
    Path dir;

    @Test
    void aServerUrlBecomesAProfileWithItsSealedPassword() {
        ConnectionProfiles profiles = new ConnectionProfiles(dir);

        String name = HubUrlProfile.remember(profiles, "jdbc:postgresql://hq.example.cn/salesdesk", "branch",
                "pw-1", "总部").orElseThrow();

        assertThat(name).isEqualTo("总部");
        ConnectionProfile saved = profiles.find(name).orElseThrow();
        assertThat(saved.kind()).isEqualTo(ConnectionProfile.Kind.POSTGRESQL);
        assertThat(saved.url()).isEqualTo("jdbc:postgresql://hq.example.cn:5432/salesdesk");
        assertThat(profiles.config(name).password()).isEqualTo("pw-1");
    }

    @Test
    void theSameServerReusesItsProfileAndAnotherGetsANameOfItsOwn() {
        ConnectionProfiles profiles = new ConnectionProfiles(dir);
        profiles.save(new ConnectionProfile("总部", ConnectionProfile.Kind.HSQLDB_SERVER, null, "10.0.0.5", 9001,
                "salesdesk", "team"), "old");

        assertThat(HubUrlProfile.remember(profiles, "jdbc:hsqldb:hsql://10.0.0.5:9001/salesdesk", "team", "new",
                "总部")).contains("总部");
        assertThat(profiles.config("总部").password()).isEqualTo("new");
        assertThat(HubUrlProfile.remember(profiles, "jdbc:hsqldb:hsql://10.0.0.6:9121/salesdesk", "team", "x",
                "总部")).contains("总部 10.0.0.6:9121");
        assertThat(profiles.all()).hasSize(2);
    }

    @Test
    void aFileUrlOrOneWithPropertiesIsNotRemembered() {
        ConnectionProfiles profiles = new ConnectionProfiles(dir);

        assertThat(HubUrlProfile.remember(profiles, "jdbc:hsqldb:file:/data/hq/db/salesdesk", "SA", null, "总部"))
                .isEmpty();
        assertThat(HubUrlProfile.remember(profiles, "jdbc:postgresql://hq/salesdesk?ssl=true", "u", "p", "总部"))
                .isEmpty();
        assertThat(profiles.all()).isEmpty();
    }
}
