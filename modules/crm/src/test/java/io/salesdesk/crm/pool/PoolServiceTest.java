package io.salesdesk.crm.pool;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public pool on a real HSQLDB: claims, limits, protection, release and automatic return. */
class PoolServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    PoolService pool;
    // 10:00 in China: the daily claim limit counts China days.
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    private static final PoolService.Wordings WORDS = new PoolService.Wordings() {
        @Override
        public String noFollowUp(int days) {
            return days + " 天未跟进";
        }

        @Override
        public String noProgress(int days) {
            return days + " 天无进展";
        }
    };

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

    private UUID pooled(String name) {
        return f.customer(null, name, Tier.B, SalesOrgFixture.XIHU, null);
    }

    @Test
    void aRepSeesTheirRegionsPoolAndClaimsFromIt() {
        UUID hz = pooled("杭州西湖医院");
        f.customer(null, "苏州姑苏医院", Tier.B, "320508", null);

        List<PoolCustomer> seen = pool.pool(f.wang.asActor(), null);
        assertThat(seen).extracting(PoolCustomer::name).containsExactly("杭州西湖医院");

        pool.claim(f.wang.asActor(), hz);

        assertThat(f.ownerOf(hz)).isEqualTo(f.wang.id());
        assertThat(pool.pool(f.wang.asActor(), null)).isEmpty();
        assertThat(pool.claimsLeftToday(f.wang.asActor())).isEqualTo(PoolService.DEFAULT_DAILY_CLAIMS - 1);
    }

    @Test
    void anotherRegionsPoolCannotBeClaimed() {
        UUID sz = f.customer(null, "苏州姑苏医院", Tier.B, "320508", null);

        assertThatThrownBy(() -> pool.claim(f.wang.asActor(), sz))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("pool.claim.otherRegion");
        assertThat(f.ownerOf(sz)).isNull();
    }

    @Test
    void theDailyLimitStopsClaimsUntilTheNextChinaDay() {
        pool.setDailyClaimLimit(f.admin.asActor(), 2);
        pool.claim(f.wang.asActor(), pooled("一号医院"));
        pool.claim(f.wang.asActor(), pooled("二号医院"));
        UUID third = pooled("三号医院");

        assertThatThrownBy(() -> pool.claim(f.wang.asActor(), third))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("pool.claim.limitReached");
        assertThat(f.ownerOf(third)).isNull();
        // Another rep's claims do not count against this one.
        pool.claim(f.li.asActor(), third);
        assertThat(f.ownerOf(third)).isEqualTo(f.li.id());

        clock.advance(Duration.ofHours(14)); // 00:00 next day in China
        pool.claim(f.wang.asActor(), pooled("四号医院"));
    }

    @Test
    void ofTwoRepsClaimingAtTheSameMomentExactlyOneGetsIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID contested = pooled("争抢医院" + round);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Future<Boolean>> results = new ArrayList<>();
            for (var rep : List.of(f.wang, f.li)) {
                results.add(threads.submit(() -> {
                    start.await();
                    try {
                        pool.claim(rep.asActor(), contested);
                        return true;
                    } catch (SalesDeskException e) {
                        assertThat(e.messageKey()).isEqualTo("pool.claim.taken");
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> r : results) {
                winners += r.get() ? 1 : 0;
            }
            threads.shutdown();
            assertThat(winners).isEqualTo(1);
            assertThat(f.ownerOf(contested)).isIn(f.wang.id(), f.li.id());
        }
    }

    @Test
    void releaseNeedsAReasonAndPutsTheCustomerBackWithIt() {
        UUID id = f.customer(f.wang, "西湖诊所", Tier.C, SalesOrgFixture.XIHU, OffsetDateTime.now(clock));
        long version = version(id);

        assertThatThrownBy(() -> pool.release(f.wang.asActor(), id, version, " "))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> pool.release(f.li.asActor(), id, version, "不是我的"))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("pool.release.notYours");

        pool.release(f.wang.asActor(), id, version, "客户已转向竞品");

        PoolCustomer back = pool.pool(f.li.asActor(), null).get(0);
        assertThat(back.id()).isEqualTo(id);
        assertThat(back.poolReason()).isEqualTo("客户已转向竞品");
        assertThat(back.previousOwnerName()).isEqualTo("王一");
    }

    @Test
    void unworkedCustomersReturnAfterTheirTiersDaysButNotWhileProtected() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Tier C returns after 30 days without a follow-up, tier A after 60.
        UUID cOld = f.customer(f.wang, "C 类旧客户", Tier.C, SalesOrgFixture.XIHU, now.minusDays(31));
        UUID aOld = f.customer(f.wang, "A 类客户", Tier.A, SalesOrgFixture.XIHU, now.minusDays(31));
        UUID cFresh = f.customer(f.wang, "C 类新跟进", Tier.C, SalesOrgFixture.XIHU, now.minusDays(3));
        UUID claimed = pooled("刚领取的客户");
        pool.claim(f.li.asActor(), claimed);
        db.transaction(cfg -> DSL.using(cfg).update(CUSTOMER).set(CUSTOMER.CREATED_AT, now.minusDays(100))
                .where(CUSTOMER.ID.eq(claimed)).execute());

        List<Returned> returned = pool.returnUnworked(WORDS);

        assertThat(returned).extracting(Returned::customerId).containsExactly(cOld);
        assertThat(returned.get(0).previousOwnerId()).isEqualTo(f.wang.id());
        assertThat(f.ownerOf(cOld)).isNull();
        assertThat(f.ownerOf(aOld)).isEqualTo(f.wang.id());
        assertThat(f.ownerOf(cFresh)).isEqualTo(f.wang.id());
        assertThat(f.ownerOf(claimed)).isEqualTo(f.li.id());
        assertThat(pool.returnUnworked(WORDS)).as("a second run finds nothing new").isEmpty();

        clock.advance(Duration.ofDays(46));
        // The claimed tier-B customer was never followed up: its 45 days count from the claim.
        assertThat(pool.returnUnworked(WORDS)).extracting(Returned::customerId).contains(claimed, cFresh, aOld);
    }

    private long version(UUID id) {
        return db.transactionResult(cfg -> DSL.using(cfg).select(CUSTOMER.VERSION).from(CUSTOMER)
                .where(CUSTOMER.ID.eq(id)).fetchOne(CUSTOMER.VERSION));
    }
}
