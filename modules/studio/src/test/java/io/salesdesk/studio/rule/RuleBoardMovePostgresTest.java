package io.salesdesk.studio.rule;

import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Board moves by rules on PostgreSQL, the shared database a team uses. */
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
class RuleBoardMovePostgresTest extends RuleBoardMoveTest {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres();
    }
}
