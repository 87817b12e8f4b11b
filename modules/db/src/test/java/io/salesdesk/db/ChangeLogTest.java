package io.salesdesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.db.jooq.Tables;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeLogTest {

    @TempDir
    Path dataDir;

    private Database db;
    private final Clock clock = Clock.systemUTC();
    private final Actor actor = new Actor(Ids.newId(), "陈经理", Role.MANAGER, "/c/");

    @BeforeEach
    void open() {
        db = TestDatabases.hsqldb(dataDir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void recordsWhoWhyAndTheFieldsThatChanged() {
        UUID id = Ids.newId();
        db.transaction(cfg -> ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), "customer", id,
                ChangeEntry.Operation.UPDATE, FieldChange.diff(Map.of("tier", "B", "name", "甲"), Map.of("tier", "A", "name", "甲"))));

        var history = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(id));

        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.changedByName()).isEqualTo("陈经理");
            assertThat(e.reasonKind()).isEqualTo("USER");
            assertThat(e.changes()).containsOnlyKeys("tier");
            assertThat(e.changes().get("tier")).isEqualTo(new FieldChange("B", "A"));
        });
    }

    @Test
    void anIntactChainVerifies() {
        writeEntries(5);
        assertThat(firstBrokenSeq()).isEmpty();
    }

    @Test
    void editingAnEntryInTheDatabaseBreaksTheChainAtThatEntry() {
        writeEntries(5);
        db.dsl().update(Tables.CHANGE_LOG).set(Tables.CHANGE_LOG.CHANGES, "{\"tier\":{\"oldValue\":\"D\",\"newValue\":\"A\"}}")
                .where(Tables.CHANGE_LOG.SEQ.eq(3L)).execute();
        assertThat(firstBrokenSeq()).hasValue(3L);
    }

    @Test
    void deletingAnEntryBreaksTheChain() {
        writeEntries(4);
        db.dsl().deleteFrom(Tables.CHANGE_LOG).where(Tables.CHANGE_LOG.SEQ.eq(2L)).execute();
        assertThat(firstBrokenSeq()).hasValue(2L);
    }

    private OptionalLong firstBrokenSeq() {
        return db.transactionResult(cfg -> ChangeLog.using(cfg, clock).firstBrokenSeq());
    }

    private void writeEntries(int count) {
        for (int i = 0; i < count; i++) {
            int n = i;
            db.transaction(cfg -> ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), "customer", Ids.newId(),
                    ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), Map.of("name", "客户" + n))));
        }
    }
}
