package io.salesdesk.territory.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.SalesOrgFixture;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Territories on a real HSQLDB: editing, one territory per region, permissions and history. */
class TerritoryServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    SalesOrgFixture f;
    TerritoryService territories;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new SalesOrgFixture(db, clock);
        territories = new TerritoryService(db, clock, f.regions);
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Territory hangzhouTeam() {
        Territory t = territories.create(f.zjManager.asActor(), "杭州片区", TerritoryOwner.team(f.zjManager.orgUnitId()),
                "#4c78a8");
        return territories.addRegions(f.zjManager.asActor(), t.id(), t.version(), List.of("330100", "330200"));
    }

    @Test
    void aManagerDrawsATerritoryAndTheMapListsItWithRegionsOwnerAndColour() {
        Territory t = hangzhouTeam();

        assertThat(territories.list()).singleElement().satisfies(listed -> {
            assertThat(listed.name()).isEqualTo("杭州片区");
            assertThat(listed.regionCodes()).containsExactly("330100", "330200");
            assertThat(listed.ownerName()).isEqualTo("浙江大区");
            assertThat(listed.colour()).isEqualTo("#4C78A8");
            assertThat(listed.version()).isEqualTo(t.version());
        });
    }

    @Test
    void aRegionOfAnotherTerritoryIsRefusedNamingThatTerritory() {
        hangzhouTeam();
        Territory other = territories.create(f.jsManager.asActor(), "张三的地盘", TerritoryOwner.rep(f.zhang.id()), "#72B7B2");

        assertThatThrownBy(() -> territories.addRegions(f.jsManager.asActor(), other.id(), other.version(),
                List.of("330100")))
                .isInstanceOf(SalesDeskException.class)
                .satisfies(e -> {
                    SalesDeskException s = (SalesDeskException) e;
                    assertThat(s.messageKey()).isEqualTo("territory.region.taken");
                    assertThat(s.arguments()).contains("杭州片区");
                });
    }

    @Test
    void aProvinceOverlappingAnotherTerritorysCityIsRefusedToo() {
        hangzhouTeam();
        Territory other = territories.create(f.admin.asActor(), "浙江全省", TerritoryOwner.team(f.zjManager.orgUnitId()),
                "#54A24B");

        assertThatThrownBy(() -> territories.addRegions(f.admin.asActor(), other.id(), other.version(),
                List.of("330000")))
                .isInstanceOf(SalesDeskException.class)
                .satisfies(e -> assertThat(((SalesDeskException) e).arguments()).contains("杭州片区"));
        assertThatThrownBy(() -> territories.addRegions(f.admin.asActor(), other.id(), other.version(),
                List.of("330106")))
                .isInstanceOf(SalesDeskException.class);
    }

    @Test
    void removingARegionFreesItForAnotherTerritory() {
        Territory hz = hangzhouTeam();
        territories.removeRegions(f.zjManager.asActor(), hz.id(), hz.version(), List.of("330200"));
        Territory other = territories.create(f.zjManager.asActor(), "宁波片区", TerritoryOwner.rep(f.li.id()), "#EECA3B");

        Territory ningbo = territories.addRegions(f.zjManager.asActor(), other.id(), other.version(), List.of("330200"));

        assertThat(ningbo.regionCodes()).containsExactly("330200");
        assertThat(ningbo.ownerName()).isEqualTo("李二");
    }

    @Test
    void aRepMayNotEditTerritories() {
        Territory t = hangzhouTeam();

        assertThatThrownBy(() -> territories.create(f.wang.asActor(), "我的", TerritoryOwner.rep(f.wang.id()), "#000000"))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("territory.notAllowed");
        assertThatThrownBy(() -> territories.addRegions(f.wang.asActor(), t.id(), t.version(), List.of("330300")))
                .isInstanceOf(SalesDeskException.class).hasMessageContaining("territory.notAllowed");
    }

    @Test
    void badInputIsRefusedFieldByField() {
        assertThatThrownBy(() -> territories.create(f.admin.asActor(), " ", new TerritoryOwner(null, null), "red"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::messageKey)
                        .containsExactly("territory.name.required", "territory.owner.required",
                                "territory.colour.invalid"));
        Territory t = hangzhouTeam();
        assertThatThrownBy(() -> territories.addRegions(f.admin.asActor(), t.id(), t.version(), List.of("999999", "33")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).arguments())
                        .containsExactly("33, 999999"));
    }

    @Test
    void anEditOnAStaleVersionFailsInsteadOfOverwriting() {
        Territory t = hangzhouTeam();
        territories.rename(f.zjManager.asActor(), t.id(), t.version(), "杭甬片区");

        assertThatThrownBy(() -> territories.recolour(f.admin.asActor(), t.id(), t.version(), "#FF0000"))
                .isInstanceOf(StaleRecordException.class);
    }

    @Test
    void everyChangeIsInTheHistoryWithWhoAndTheFields() {
        Territory t = hangzhouTeam();
        territories.recolour(f.admin.asActor(), t.id(), t.version(), "#ff9da6");
        Territory latest = territories.list().get(0);
        territories.delete(f.admin.asActor(), t.id(), latest.version());

        List<ChangeEntry> history = db.transactionResult(cfg -> ChangeLog.using(cfg, clock).forEntity(t.id()));

        assertThat(history).extracting(ChangeEntry::operation).containsExactly(ChangeEntry.Operation.INSERT,
                ChangeEntry.Operation.UPDATE, ChangeEntry.Operation.UPDATE, ChangeEntry.Operation.DELETE);
        assertThat(history.get(1).changes().get("regionCodes").newValue()).isEqualTo("330100,330200");
        assertThat(history.get(1).changedByName()).isEqualTo("陈东");
        assertThat(history.get(2).changes()).containsOnlyKeys("colour");
        assertThat(territories.list()).isEmpty();
    }
}
