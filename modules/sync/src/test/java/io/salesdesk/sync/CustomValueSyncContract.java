package io.salesdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.Actor;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.DatabaseConfig;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomField;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom-field values travel with their record and merge as its fields; the definitions come from
 * the hub. A hub (the subclass's database) and a replica of 华东大区 on a real HSQLDB file.
 */
abstract class CustomValueSyncContract {

    private static final int PAGE = 2;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T02:00:00Z"));
    private Database hubDb;
    private SyncFixture org;
    private LocalHub hub;
    private Database replica;
    private Customer hospital;
    private Actor manager;

    abstract Database openHub(Path hubDir);

    @BeforeEach
    void setUp() {
        hubDb = openHub(dir.resolve("hub"));
        org = new SyncFixture(hubDb, clock);
        manager = new Actor(org.zhang.id(), "总部经理", Role.MANAGER, org.company.path());
        hospital = org.create(hubDb, org.wang, "苏州第一医院");
        hub = new LocalHub(hubDb, clock);
        replica = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("r1")), org.east.id(), clock, PAGE);
    }

    @AfterEach
    void tearDown() {
        for (Database db : new Database[] {replica, hubDb}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void aFieldDefinedAtTheHubAndItsValueReachTheReplicaOnItsNextSync() {
        define("床位数", "bed_count", FieldType.NUMBER);
        values(hubDb).setValues(org.wang.asActor(), CustomEntity.CUSTOMER, hospital.id(), Map.of("bed_count", "300"));

        sync();

        assertThat(values(replica).fields(CustomEntity.CUSTOMER)).extracting(CustomField::label).containsExactly("床位数");
        assertThat(values(replica).values(CustomEntity.CUSTOMER, hospital.id())).containsEntry("bed_count", "300");
    }

    @Test
    void valuesOfDifferentCustomFieldsChangedOnBothSidesBothSurvive() {
        define("床位数", "bed_count", FieldType.NUMBER);
        define("医院等级", "grade", FieldType.TEXT);
        sync();

        values(replica).setValues(org.wang.asActor(), CustomEntity.CUSTOMER, hospital.id(), Map.of("grade", "三甲"));
        values(hubDb).setValues(manager, CustomEntity.CUSTOMER, hospital.id(), Map.of("bed_count", "500"));
        SyncReport report = sync();

        assertThat(report.conflicts()).isZero();
        for (Database db : List.of(hubDb, replica)) {
            assertThat(values(db).values(CustomEntity.CUSTOMER, hospital.id()))
                    .containsEntry("grade", "三甲").containsEntry("bed_count", "500");
        }
        assertThat(SyncFixture.trail(hubDb, hospital.id())).last().isEqualTo("SYNC");
    }

    @Test
    void aCustomValueChangedOnBothSidesToDifferentValuesIsARecordedConflictTheHubsValueLive() {
        define("床位数", "bed_count", FieldType.NUMBER);
        values(hubDb).setValues(manager, CustomEntity.CUSTOMER, hospital.id(), Map.of("bed_count", "300"));
        sync();

        values(replica).setValues(org.wang.asActor(), CustomEntity.CUSTOMER, hospital.id(), Map.of("bed_count", "600"));
        values(hubDb).setValues(manager, CustomEntity.CUSTOMER, hospital.id(), Map.of("bed_count", "700"));
        SyncReport report = sync();

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(SyncFixture.conflicts(hubDb)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(SyncConflict.Kind.FIELD);
            assertThat(c.field()).isEqualTo("custom.bed_count");
            assertThat(c.baseValue()).isEqualTo("300");
            assertThat(c.hubValue()).isEqualTo("700");
            assertThat(c.incomingValue()).isEqualTo("600");
        });
        for (Database db : List.of(hubDb, replica)) {
            assertThat(values(db).values(CustomEntity.CUSTOMER, hospital.id())).containsEntry("bed_count", "700");
        }

        SyncConflictService conflicts = new SyncConflictService(hubDb, clock);
        conflicts.resolve(manager, conflicts.open().get(0).id(), "600");
        sync();
        for (Database db : List.of(hubDb, replica)) {
            assertThat(values(db).values(CustomEntity.CUSTOMER, hospital.id())).containsEntry("bed_count", "600");
        }
    }

    @Test
    void aNewCustomerWithCustomValuesCreatedOfflineArrivesWithThem() {
        define("床位数", "bed_count", FieldType.NUMBER);
        sync();
        Customer fresh = org.create(replica, org.li, "苏州第二医院");
        values(replica).setValues(org.li.asActor(), CustomEntity.CUSTOMER, fresh.id(), Map.of("bed_count", "120"));

        sync();

        assertThat(values(hubDb).values(CustomEntity.CUSTOMER, fresh.id())).containsEntry("bed_count", "120");
        assertThat(SyncFixture.conflicts(hubDb)).isEmpty();
    }

    @Test
    void aReplicaCreatedLaterPullsTheFieldsAndValuesOfItsCustomers() throws Exception {
        define("床位数", "bed_count", FieldType.NUMBER);
        values(hubDb).setValues(manager, CustomEntity.CUSTOMER, hospital.id(), Map.of("bed_count", "300"));

        try (Database later = SyncService.createReplica(hub, DatabaseConfig.embedded(dir.resolve("r2")),
                org.east.id(), clock, PAGE)) {
            assertThat(values(later).values(CustomEntity.CUSTOMER, hospital.id())).containsEntry("bed_count", "300");
        }
    }

    @Test
    void aReplicaRefusesToDefineFieldsAndSaysTheHeadOfficeDoes() {
        assertThatThrownBy(() -> values(replica).define(manager, CustomEntity.CUSTOMER,
                CustomFieldDraft.of("床位数", FieldType.NUMBER)))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("studio.field.atHeadOffice"));
    }

    private void define(String label, String key, FieldType type) {
        values(hubDb).define(manager, CustomEntity.CUSTOMER,
                new CustomFieldDraft(label, key, type, List.of(), false, null, null));
    }

    private CustomFieldService values(Database db) {
        return new CustomFieldService(db, clock);
    }

    private SyncReport sync() {
        return new SyncService(replica, clock, PAGE).sync(hub);
    }
}
