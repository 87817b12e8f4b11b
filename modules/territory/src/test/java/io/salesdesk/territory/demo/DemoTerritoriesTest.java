package io.salesdesk.territory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.demo.DemoWorkspace;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.dispatch.demo.DemoLeads;
import io.salesdesk.territory.surge.SurgeAlert;
import io.salesdesk.territory.surge.SurgeService;
import io.salesdesk.territory.territory.Territory;
import io.salesdesk.territory.territory.TerritoryService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal's scenario on the demo workspace: the first scan raises East China's surge with 李娜 and 王强. */
class DemoTerritoriesTest {

    @TempDir
    Path dataDir;

    @Test
    void theDemoRaisesEastChinasSurgeWithTheLeastLoadedSouthChinaReps() {
        Clock clock = Clock.systemUTC();
        try (Database db = TestDatabases.hsqldb(dataDir)) {
            new DemoWorkspace(db, clock).create(20260101L, 120);
            new DemoLeads(db, clock).create(20260101L);
            new DemoTerritories(db, clock).create(20260101L);
            SurgeService surges = new SurgeService(db, clock, new RegionService(db), Locale.SIMPLIFIED_CHINESE);

            List<SurgeAlert> raised = surges.scan(clock.instant());

            assertThat(raised).extracting(SurgeAlert::key).containsExactly("EAST");
            SurgeAlert alert = raised.get(0);
            assertThat(alert.ratio()).isBetween(3.9, 4.6);
            assertThat(alert.suggestionText())
                    .isEqualTo("临时抽调华南 2 名负荷最低的销售：李娜 (0.31)、王强 (0.35)，并开放其华东公海访问 7 天");
            var managerSh = db.transactionResult(cfg -> UserRepository.using(cfg, clock).byUsername("manager.sh"))
                    .orElseThrow();
            assertThat(surges.openAlerts(managerSh.asActor())).extracting(SurgeAlert::id).containsExactly(alert.id());
            List<Territory> territories = new TerritoryService(db, clock, new RegionService(db)).list();
            assertThat(territories).hasSize(7);
            assertThat(territories).extracting(Territory::colour).doesNotHaveDuplicates();
        }
    }
}
