package io.salesdesk.db.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.profile.ConnectionProfile.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection profiles keep their passwords sealed to this machine and point the app at the right database. */
class ConnectionProfilesTest {

    @TempDir
    Path dir;

    final ConnectionProfile hq = new ConnectionProfile("总部", Kind.POSTGRESQL, null, "db.example.cn", 5432,
            "sales", "wang");

    @Test
    void aServerProfileOpensWithItsPasswordWhichTheFileDoesNotHoldInClear() throws IOException {
        ConnectionProfiles profiles = new ConnectionProfiles(dir);
        profiles.save(hq, "Geheim-密码-42");

        DatabaseConfig config = profiles.config("总部");

        assertThat(config.mode()).isEqualTo(DatabaseConfig.Mode.POSTGRESQL);
        assertThat(config.url()).isEqualTo("jdbc:postgresql://db.example.cn:5432/sales");
        assertThat(config.user()).isEqualTo("wang");
        assertThat(config.password()).isEqualTo("Geheim-密码-42");
        String file = Files.readString(dir.resolve(ConnectionProfiles.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(file).contains("db.example.cn").doesNotContain("Geheim");
    }

    @Test
    void theSecretAndTheProfilesFileAreReadableByTheirOwnerOnly() throws IOException {
        new ConnectionProfiles(dir).save(hq, "pw");

        Set<PosixFilePermission> ownerOnly = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(dir.resolve(SecretBox.KEY_FILE))).isEqualTo(ownerOnly);
        assertThat(Files.getPosixFilePermissions(dir.resolve(ConnectionProfiles.FILE_NAME))).isEqualTo(ownerOnly);
    }

    @Test
    void aProfilesFileCopiedToAnotherMachineDoesNotGiveUpItsPasswords(@TempDir Path otherMachine) throws IOException {
        new ConnectionProfiles(dir).save(hq, "pw");
        Files.copy(dir.resolve(ConnectionProfiles.FILE_NAME), otherMachine.resolve(ConnectionProfiles.FILE_NAME));

        assertThatThrownBy(() -> new ConnectionProfiles(otherMachine).config("总部"))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.profile.passwordUnreadable"));
    }

    @Test
    void editingAProfileWithoutAPasswordKeepsTheSavedOne() {
        ConnectionProfiles profiles = new ConnectionProfiles(dir);
        profiles.save(hq, "pw");

        profiles.save(new ConnectionProfile("总部", Kind.POSTGRESQL, null, "db2.example.cn", 5433, "sales", "wang"),
                null);

        assertThat(profiles.config("总部").url()).isEqualTo("jdbc:postgresql://db2.example.cn:5433/sales");
        assertThat(profiles.config("总部").password()).isEqualTo("pw");
    }

    @Test
    void removingTheProfileToStartWithFallsBackToTheDefaultFolder() {
        ConnectionProfiles profiles = new ConnectionProfiles(dir);
        profiles.save(new ConnectionProfile("本机", Kind.EMBEDDED, dir.resolve("data").toString(), null, 0, null,
                null), null);
        profiles.save(hq, "pw");
        profiles.setStartWith("本机");
        assertThat(profiles.config("本机")).isEqualTo(DatabaseConfig.embedded(dir.resolve("data")));

        assertThat(profiles.remove("本机")).isTrue();

        assertThat(profiles.startWith()).isEmpty();
        assertThat(profiles.all()).extracting(ConnectionProfile::name).containsExactly("总部");
    }

    @Test
    void aServerProfileWithoutAHostIsRefusedNamingTheProfile() {
        assertThatThrownBy(() -> new ConnectionProfiles(dir).save(
                new ConnectionProfile("分公司", Kind.HSQLDB_SERVER, null, " ", 9001, "salesdesk", "li"), "pw"))
                .isInstanceOfSatisfying(SalesDeskException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.profile.server");
                    assertThat(e.arguments()).containsExactly("分公司");
                });
    }
}
