package io.salesdesk.ledger.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Tier;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.ledger.imports.LedgerFixture;
import io.salesdesk.ledger.imports.RowAction;
import io.salesdesk.ledger.imports.UndoResult;
import io.salesdesk.ledger.imports.WrittenRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Undo of a customer batch on a real HSQLDB, where the audit trail holds more than one entry of the batch. */
class CustomerImportUndoTest {

    @TempDir
    Path dir;

    Database db;
    LedgerFixture f;
    Actor admin;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = TestDatabases.hsqldb(dir.resolve("db"));
        f = new LedgerFixture(db, clock);
        admin = f.admin.asActor();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aCustomerTheBatchUpdatedTwiceGetsTheValueFromBeforeTheBatch() {
        Customer original = db.transactionResult(cfg -> repository(cfg).insert(admin, ChangeReason.user(),
                Ids.newId(clock), draft("0512-60000000", f.wang.id()), CompanyName.normalise("苏州两次更新有限公司")));
        String batchId = Ids.newId(clock).toString();
        ChangeReason batch = ChangeReason.of(ChangeReason.Kind.IMPORT, batchId);
        Customer twice = db.transactionResult(cfg -> {
            CustomerRepository customers = repository(cfg);
            Customer once = customers.update(admin, batch, original.id(), original.version(),
                    draft("0512-61111111", f.li.id()), CompanyName.normalise("苏州两次更新有限公司"));
            return customers.update(admin, batch, original.id(), once.version(), draft("0512-62222222", f.li.id()),
                    CompanyName.normalise("苏州两次更新有限公司"));
        });

        UndoResult undo = db.transactionResult(cfg -> new CustomerImportUndo(repository(cfg),
                ChangeLog.using(cfg, clock)).undo(admin, ChangeReason.of(ChangeReason.Kind.IMPORT, "undo " + batchId),
                batchId, List.of(new WrittenRow(original.id(), RowAction.UPDATE, 2, twice.version()))));

        assertThat(undo.restored()).isEqualTo(1);
        Customer restored = db.transactionResult(cfg -> repository(cfg).findAny(original.id())).orElseThrow();
        assertThat(restored.phone()).as("the value before the batch, not the one in between")
                .isEqualTo("0512-60000000");
        assertThat(restored.ownerId()).isEqualTo(f.wang.id());
    }

    private CustomerRepository repository(org.jooq.Configuration cfg) {
        return CustomerRepository.using(cfg, clock, f.regions::fullName);
    }

    private static CustomerDraft draft(String phone, UUID ownerId) {
        return new CustomerDraft("苏州两次更新有限公司", null, Tier.B, null, null, null, phone, ownerId);
    }
}
