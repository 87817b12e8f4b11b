package io.salesdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.CompanyName;
import io.salesdesk.core.Ids;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.jooq.Tables;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SalesDesk process killed in the middle of writing loses nothing it had committed: a child JVM
 * writes customers one transaction at a time and reports each commit; we kill it hard and reopen.
 */
class KillDuringWriteTest {

    private static final int COMMITS_BEFORE_KILL = 150;
    private static final String COMMITTED = "committed ";

    @TempDir
    Path dataDir;

    @Test
    void everyCommittedCustomerIsThereAfterTheProcessIsKilled() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Writer.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<UUID> committed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && committed.size() < COMMITS_BEFORE_KILL; line = out.readLine()) {
                if (line.startsWith(COMMITTED)) {
                    committed.add(UUID.fromString(line.substring(COMMITTED.length()).strip()));
                }
            }
        } finally {
            // The writer is still inside its loop: kill it without any chance to shut down cleanly.
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).hasSize(COMMITS_BEFORE_KILL);

        try (Database reopened = Database.open(DatabaseConfig.embedded(dataDir))) {
            List<UUID> stored = reopened.dsl().select(Tables.CUSTOMER.ID).from(Tables.CUSTOMER)
                    .fetch(Tables.CUSTOMER.ID);
            assertThat(stored).containsAll(committed);
            OptionalLong broken = reopened.transactionResult(cfg -> ChangeLog.using(cfg, Clock.systemUTC()).firstBrokenSeq());
            assertThat(broken).as("the audit chain survives the crash").isEmpty();
        }
    }

    /** The child process: writes customers until killed, printing each id after its commit. */
    public static final class Writer {

        public static void main(String[] args) {
            Clock clock = Clock.systemUTC();
            Database db = Database.open(DatabaseConfig.embedded(Paths.get(args[0])));
            for (int i = 0; ; i++) {
                UUID id = Ids.newId(clock);
                String name = "崩溃测试客户" + i;
                db.transaction(cfg -> CustomerRepository.using(cfg, clock, code -> code).insert(null,
                        ChangeReason.user(), id, new CustomerDraft(name, null, Tier.C, null, null, null, null, null),
                        CompanyName.normalise(name)));
                System.out.println(COMMITTED + id);
                System.out.flush();
            }
        }
    }
}
