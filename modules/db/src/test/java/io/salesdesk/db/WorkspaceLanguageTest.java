package io.salesdesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One language for the messages of a workspace, whichever computer's settings a client runs with. */
class WorkspaceLanguageTest {

    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theFirstClientsLanguageStaysTheWorkspacesForEveryLaterClient() {
        assertThat(WorkspaceLanguage.settle(db, Locale.CHINA)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        // A colleague's computer set to English (or the JVM's default changing) does not switch it.
        assertThat(WorkspaceLanguage.settle(db, Locale.US)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void anAdministratorChangesItAndAnyOtherLanguageMeansEnglish() {
        WorkspaceLanguage.settle(db, Locale.CHINA);
        assertThat(WorkspaceLanguage.set(db, Locale.ENGLISH)).isEqualTo(Locale.ENGLISH);
        assertThat(WorkspaceLanguage.settle(db, Locale.CHINA)).isEqualTo(Locale.ENGLISH);
        assertThat(WorkspaceLanguage.set(db, Locale.GERMANY)).isEqualTo(Locale.ENGLISH);
        assertThat(WorkspaceLanguage.set(db, Locale.TRADITIONAL_CHINESE)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}
