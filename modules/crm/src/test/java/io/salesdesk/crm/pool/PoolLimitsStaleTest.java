package io.salesdesk.crm.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two admins with the pool settings open: the later save from the same read is refused, not written over. */
class PoolLimitsStaleTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    PoolService pool;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        pool = new PoolService(db, clock, f.regions, f.customers);
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static PoolPolicy of(List<PoolPolicy> policies, Tier tier) {
        return policies.stream().filter(p -> p.tier() == tier).findFirst().orElseThrow();
    }

    private static PoolPolicy withProtection(PoolPolicy p, int days) {
        return new PoolPolicy(p.tier(), days, p.returnNoFollowUpDays(), p.returnNoProgressDays());
    }

    @Test
    void aSecondSaveOfATiersPolicyFromTheSameReadIsRefusedAndNothingOfItIsWritten() {
        var admin = f.admin.asActor();
        List<PoolPolicy> read = pool.policies();
        int limitRead = pool.dailyClaimLimit();
        PoolPolicy a = of(read, Tier.A);
        PoolPolicy b = of(read, Tier.B);

        pool.saveLimits(admin, List.of(a), List.of(withProtection(a, a.protectionDays() + 7)), limitRead, limitRead);
        // The second admin changed tier B and the limit too: all of it is refused, tier A says what it is now.
        assertThatThrownBy(() -> pool.saveLimits(admin, List.of(b, a),
                List.of(withProtection(b, 99), withProtection(a, 1)), limitRead, limitRead + 3))
                .isInstanceOfSatisfying(SalesDeskException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("pool.policy.stale");
                    assertThat(e.arguments()).containsSequence("A", a.protectionDays() + 7);
                });

        List<PoolPolicy> now = pool.policies();
        assertThat(of(now, Tier.A).protectionDays()).isEqualTo(a.protectionDays() + 7);
        assertThat(of(now, Tier.B)).isEqualTo(b);
        assertThat(pool.dailyClaimLimit()).isEqualTo(limitRead);

        // On what is there now, the same edit goes through; one that changes nothing passes quietly.
        pool.savePolicy(admin, of(now, Tier.A), withProtection(a, 1));
        assertThat(of(pool.policies(), Tier.A).protectionDays()).isEqualTo(1);
        pool.savePolicy(admin, a, a);
        assertThat(of(pool.policies(), Tier.A).protectionDays()).isEqualTo(1);
    }

    @Test
    void aSecondChangeOfTheDailyLimitFromTheSameReadIsRefused() {
        var admin = f.admin.asActor();
        int read = pool.dailyClaimLimit();

        pool.setDailyClaimLimit(admin, read, 8);
        assertThatThrownBy(() -> pool.setDailyClaimLimit(admin, read, 3))
                .isInstanceOfSatisfying(SalesDeskException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("pool.limit.stale");
                    assertThat(e.arguments()).containsExactly(8);
                });
        assertThat(pool.dailyClaimLimit()).isEqualTo(8);

        pool.setDailyClaimLimit(admin, 8, 3);
        assertThat(pool.dailyClaimLimit()).isEqualTo(3);
    }
}
