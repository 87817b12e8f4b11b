package io.salesdesk.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.crm.Customer;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.model.LedgerEntity;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.Configuration;
import org.junit.jupiter.api.Test;

/**
 * Every customer import behaviour with the import written one row per transaction, as an embedded
 * database writes large ledgers, and what happens when such an import stops half-way.
 */
class ChunkedCustomerImportTest extends CustomerImportContract {

    @Override
    Database open(Path dataDir) {
        return TestDatabases.hsqldb(dataDir);
    }

    @Override
    int chunkRows() {
        return 1;
    }

    @Test
    void anImportStoppedAfterItsFirstChunksLeavesEveryCustomerAsItWas() {
        Customer existing = existing("苏州康华医院", "0512-11112222");
        ImportPreview preview = f.imports.preview(messyLedger(), ImportRequest.of("customers").withSkipInvalid(true)
                .withOnDuplicate(DuplicateDecision.UPDATE), admin, ImportMonitor.NONE);
        AtomicInteger written = new AtomicInteger();
        ImportMonitor cancelInThirdChunk = new ImportMonitor() {
            @Override
            public void progress(ImportPhase phase, long done, long total) {
                if (phase == ImportPhase.COMMIT) {
                    written.set((int) done);
                }
            }

            @Override
            public boolean cancelled() {
                return written.get() >= 2;
            }
        };

        assertThatThrownBy(() -> f.imports.commit(preview, admin, cancelInThirdChunk))
                .isInstanceOf(ImportCancelledException.class);

        assertThat(customers()).as("the updated customer is back as it was; the created ones are gone")
                .extracting(Customer::name).containsExactly("苏州康华医院");
        Customer after = byName("苏州康华医院").orElseThrow();
        assertThat(after.phone()).isEqualTo(existing.phone());
        assertThat(after.creditCode()).isEqualTo(existing.creditCode());
        assertThat(f.history.latest(10)).singleElement()
                .satisfies(b -> assertThat(b.status()).isEqualTo(ImportBatch.Status.ROLLED_BACK));
    }

    @Test
    void anImportTheAppWasClosedOnHalfWayIsTakenBackWhenTheWorkspaceNextOpens() {
        ImportTarget customers = f.entities.importTargets().stream()
                .filter(t -> t.entity().key().equals("customers")).findFirst().orElseThrow();
        LedgerImport crashing = new LedgerImport(db, clock, List.of(new CrashAfterFirstChunk(customers)), 1);
        ImportPreview preview = crashing.preview(messyLedger(), ImportRequest.of("customers").withSkipInvalid(true),
                admin, ImportMonitor.NONE);

        assertThatThrownBy(() -> crashing.commit(preview, admin, ImportMonitor.NONE))
                .isInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).as("taking back failed too").hasSize(1));
        assertThat(customers()).as("the first chunk is in, and the batch says it is unfinished").hasSize(1);
        assertThat(f.history.hasUnfinished()).isTrue();
        assertThatThrownBy(() -> f.history.undo(f.history.latest(1).get(0).id(), admin))
                .as("an unfinished batch cannot be undone by hand").isInstanceOf(LedgerImportException.class);

        List<ImportBatch> takenBack = f.imports.rollBackUnfinished(admin);

        assertThat(takenBack).extracting(ImportBatch::fileName).containsExactly("客户台账.xlsx");
        assertThat(customers()).isEmpty();
        assertThat(f.history.hasUnfinished()).isFalse();
        assertThat(f.history.latest(10)).singleElement()
                .satisfies(b -> assertThat(b.status()).isEqualTo(ImportBatch.Status.ROLLED_BACK));
        assertThat(f.imports.rollBackUnfinished(admin)).as("nothing left to take back").isEmpty();
    }

    /** The customer target, but the process "dies" in the second chunk and taking back fails too. */
    private record CrashAfterFirstChunk(ImportTarget target, AtomicInteger chunks) implements ImportTarget {

        CrashAfterFirstChunk(ImportTarget target) {
            this(target, new AtomicInteger());
        }

        @Override
        public LedgerEntity entity() {
            return target.entity();
        }

        @Override
        public void prepare(Actor actor, ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor) {
            target.prepare(actor, mapping, rows, monitor);
        }

        @Override
        public List<WrittenRow> write(Configuration configuration, Actor actor, ChangeReason reason,
                ColumnMapping mapping, List<ImportRow> rows, ImportMonitor monitor) {
            if (chunks.incrementAndGet() > 1) {
                throw new IllegalStateException("the power went out");
            }
            return target.write(configuration, actor, reason, mapping, rows, monitor);
        }

        @Override
        public boolean writesInChunks() {
            return true;
        }

        @Override
        public UndoResult undo(Configuration configuration, Actor actor, ChangeReason reason, String batchId,
                List<WrittenRow> written) {
            throw new IllegalStateException("still no power");
        }
    }
}
