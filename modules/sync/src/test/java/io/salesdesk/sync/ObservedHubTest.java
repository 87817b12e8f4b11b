package io.salesdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's 停止同步 and its progress bar: a page at a time, stopping between pages, resuming after. */
class ObservedHubTest {

    private static final int PAGE = 2;

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private Database hubDb;
    private Database replica;
    private SyncFixture org;
    private Customer customer;

    @BeforeEach
    void setUp() {
        hubDb = TestDatabases.hsqldb(dir.resolve("hub"));
        org = new SyncFixture(hubDb, clock);
        customer = org.create(hubDb, org.wang, "苏州第一医院");
        replica = SyncService.createReplica(new LocalHub(hubDb, clock), DatabaseConfig.embedded(dir.resolve("r1")),
                org.east.id(), clock, PAGE);
        for (int i = 1; i <= 5; i++) {
            String phone = "0512-6522363" + i;
            org.edit(replica, org.wang, customer.id(), d -> new CustomerDraft(d.name(), d.creditCode(), d.tier(),
                    d.industry(), d.regionCode(), d.address(), phone, d.ownerId()));
        }
    }

    @AfterEach
    void tearDown() {
        replica.close();
        hubDb.close();
    }

    @Test
    void aCancelledSyncStopsAfterThePageUnderWayAndTheNextOneSendsTheRest() {
        assertThat(ReplicaStatus.of(replica).orElseThrow().waiting()).isEqualTo(5);
        List<Integer> pages = new ArrayList<>();
        ObservedHub[] observed = new ObservedHub[1];
        observed[0] = new ObservedHub(new LocalHub(hubDb, clock), new ObservedHub.Progress() {
            @Override
            public void pushed(int changes) {
                pages.add(changes);
                observed[0].cancel(); // the user pressed 停止同步 while the first page went up
            }

            @Override
            public void pulled(int rows, boolean more) {
            }
        });

        assertThatThrownBy(() -> new SyncService(replica, clock, PAGE).sync(observed[0]))
                .isInstanceOf(SyncCancelledException.class);

        assertThat(pages).containsExactly(2);
        assertThat(ReplicaStatus.of(replica).orElseThrow().waiting()).isEqualTo(3);
        assertThat(SyncFixture.field(hubDb, customer.id(), "phone")).isEqualTo("0512-65223632");

        List<Integer> resumed = new ArrayList<>();
        SyncReport rest = new SyncService(replica, clock, PAGE).sync(new ObservedHub(new LocalHub(hubDb, clock),
                new ObservedHub.Progress() {
                    @Override
                    public void pushed(int changes) {
                        resumed.add(changes);
                    }

                    @Override
                    public void pulled(int rows, boolean more) {
                    }
                }));

        assertThat(rest.pushed()).isEqualTo(3);
        assertThat(resumed).containsExactly(2, 1);
        assertThat(ReplicaStatus.of(replica).orElseThrow().waiting()).isZero();
        assertThat(ReplicaStatus.of(replica).orElseThrow().lastSyncedAt()).isNotNull();
        assertThat(SyncFixture.field(hubDb, customer.id(), "phone")).isEqualTo("0512-65223635");
    }

    @Test
    void aHubDatabaseIsNoReplica() {
        assertThat(ReplicaStatus.of(hubDb)).isEmpty();
    }
}
