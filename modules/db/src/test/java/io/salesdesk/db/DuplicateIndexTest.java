package io.salesdesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every index is a tree that every insert and update of its table maintains: a second index on
 * the same columns doubles that work for nothing (an import of 100,000 customers maintained three
 * such copies until V19). HSQLDB already backs each foreign key with an index of its own, so a
 * migration must not add an explicit one on the same columns there.
 */
class DuplicateIndexTest {

    @TempDir
    Path dataDir;

    @Test
    void noTwoIndexesOfATableCoverTheSameColumnsOnTheEmbeddedDatabase() {
        try (Database db = TestDatabases.hsqldb(dataDir)) {
            List<String> duplicates = db.dsl().fetch("""
                    SELECT table_name, columns, GROUP_CONCAT(index_name ORDER BY index_name SEPARATOR ', ')
                    FROM (SELECT table_name, index_name,
                                 GROUP_CONCAT(column_name ORDER BY ordinal_position SEPARATOR ',') AS columns
                          FROM information_schema.system_indexinfo
                          WHERE table_schem = 'PUBLIC'
                          GROUP BY table_name, index_name)
                    GROUP BY table_name, columns
                    HAVING COUNT(*) > 1
                    """).map(r -> r.get(0) + " (" + r.get(1) + "): " + r.get(2));
            // A primary key that is also a foreign key (rep_profile.user_id, …) is one column in two
            // constraints that HSQLDB cannot merge; only explicit CREATE INDEX copies are refused.
            assertThat(duplicates).allSatisfy(d -> assertThat(d).contains("SYS_PK_"));
        }
    }
}
