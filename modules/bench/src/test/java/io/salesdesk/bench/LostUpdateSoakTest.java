package io.salesdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lost-update soak in small: four clients, each with its own connection pool, update a few shared
 * customers at once; every saved update must be in the database and in the change log exactly once.
 * Without the version check on update these fail (saved increments overwrite each other).
 */
class LostUpdateSoakTest {

    @Test
    void concurrentClientsOnAnHsqldbServerLoseNoUpdate(@TempDir Path dir) {
        LostUpdateSoak.Result result = new LostUpdateSoak().onHsqldbServer(dir, 4, 800, 5, 7);

        assertThat(result.problems()).isEmpty();
        assertThat(result.saved()).isEqualTo(800);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "SALESDESK_TEST_PG_URL", matches = ".+")
    void concurrentClientsOnPostgresLoseNoUpdate() {
        LostUpdateSoak.Result result = new LostUpdateSoak().onPostgres(System.getenv("SALESDESK_TEST_PG_URL"), 4, 800,
                5, 7);

        assertThat(result.problems()).isEmpty();
        assertThat(result.saved()).isEqualTo(800);
    }
}
