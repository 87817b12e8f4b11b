package io.salesdesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transactions started inside {@link Database#oneTransaction} commit or roll back with it. */
class OneTransactionTest {

    @TempDir
    Path dir;

    private static void put(Database db, String key) {
        // What a service does: its own transaction.
        db.transaction(cfg -> WorkspaceSettings.using(cfg).put(key, "x"));
    }

    private static boolean has(Database db, String key) {
        return db.transactionResult(cfg -> WorkspaceSettings.using(cfg).get(key).isPresent());
    }

    @Test
    void servicesCalledInsideCommitTogetherOrNotAtAll() {
        try (Database db = TestDatabases.hsqldb(dir)) {
            assertThatThrownBy(() -> db.oneTransaction(cfg -> {
                put(db, "test.first");
                assertThat(has(db, "test.first")).as("seen inside").isTrue();
                put(db, "test.second");
                throw new IllegalStateException("the third item is refused");
            })).hasMessage("the third item is refused");
            assertThat(has(db, "test.first")).isFalse();
            assertThat(has(db, "test.second")).isFalse();

            db.oneTransaction(cfg -> {
                put(db, "test.first");
                put(db, "test.second");
                return null;
            });
            assertThat(has(db, "test.first")).isTrue();
            assertThat(has(db, "test.second")).isTrue();
        }
    }

    @Test
    void outsideOneTransactionEachTransactionStaysItsOwn() {
        try (Database db = TestDatabases.hsqldb(dir)) {
            put(db, "test.alone");
            assertThatThrownBy(() -> db.transaction(cfg -> {
                put(db, "test.inner");
                throw new IllegalStateException("outer fails");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(has(db, "test.alone")).isTrue();
            assertThat(has(db, "test.inner")).as("committed on its own, as before").isTrue();
        }
    }
}
