package io.salesdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.db.DatabaseConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which starts count as "the same workspace", so a second one hands over to the window already open. */
class WindowFolderTest {

    @Test
    void anEmbeddedWorkspaceIsItsDataFolder(@TempDir Path data) {
        assertThat(SalesDeskCommand.windowFolder(DatabaseConfig.embedded(data.resolve("a/../a"))))
                .isEqualTo(data.resolve("a").toAbsolutePath());
    }

    @Test
    void sharedDatabasesAreTheSameWorkspaceOnlyForTheSameUrlAndUser() {
        Path hq = SalesDeskCommand.windowFolder(DatabaseConfig.server("jdbc:postgresql://hq/sales", "li", "x"));

        assertThat(SalesDeskCommand.windowFolder(DatabaseConfig.server("jdbc:postgresql://hq/sales", "li", "other")))
                .isEqualTo(hq);
        assertThat(SalesDeskCommand.windowFolder(DatabaseConfig.server("jdbc:postgresql://hq/sales", "wang", "x")))
                .isNotEqualTo(hq);
        assertThat(SalesDeskCommand.windowFolder(DatabaseConfig.server("jdbc:postgresql://branch/sales", "li", "x")))
                .isNotEqualTo(hq);
    }
}
