package io.salesdesk.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.salesdesk.core.Actor;
import io.salesdesk.crm.CustomerLocation;
import io.salesdesk.crm.CustomerLocationRepository;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.ledger.convert.CellProblem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A customer ledger's 经度/纬度 and 标签 columns: map positions and pain-point tags. */
class CustomerPlaceImportTest {

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

    private Path ledger() {
        return TestLedgers.xlsx(dir.resolve("客户台账.xlsx"), "客户台账",
                List.of("客户名称", "地址", "经度", "纬度", "标签"), List.of(
                        CustomerImportContract.row("苏州康华医院", "江苏省苏州市姑苏区人民路 1 号", 120.6193, 31.299,
                                "竞品渗透、设备老化"),
                        CustomerImportContract.row("杭州明德诊所", "浙江省杭州市西湖区文三路 90 号", null, null,
                                "预算紧张;院内招标"),
                        CustomerImportContract.row("坏经度医院", null, 200, 31.2, null),
                        CustomerImportContract.row("半个坐标医院", null, 120.1, null, null)));
    }

    @Test
    void coordinatesOffTheMapOrHalfAPairAreReportedOnTheirCells() {
        ImportPreview preview = f.imports.preview(ledger(), ImportRequest.of("customers"), admin, ImportMonitor.NONE);

        assertThat(preview.mapping().columns()).extracting(c -> c.fieldKey())
                .contains("longitude", "latitude", "tags");
        assertThat(preview.problems()).extracting(CellProblem::rowNumber, CellProblem::header, CellProblem::messageKey)
                .containsExactly(
                        tuple(6, "经度", "customer.location.longitude"),
                        tuple(7, "纬度", "customer.location.incomplete"));
    }

    @Test
    void importWritesCoordinatesAndTagsAndUndoTakesTheCustomersBackWithoutConflicts() {
        ImportPreview preview = f.imports.preview(ledger(), ImportRequest.of("customers").withSkipInvalid(true), admin,
                ImportMonitor.NONE);
        ImportResult result = f.imports.commit(preview, admin, ImportMonitor.NONE);

        Map<String, CustomerLocation> pins = db.transactionResult(cfg -> CustomerLocationRepository.using(cfg, clock)
                .locations(admin)).stream().collect(Collectors.toMap(CustomerLocation::name, Function.identity()));
        assertThat(pins).containsOnlyKeys("苏州康华医院", "杭州明德诊所");
        assertThat(pins.get("苏州康华医院").longitude()).isEqualByComparingTo("120.6193");
        assertThat(pins.get("苏州康华医院").latitude()).isEqualByComparingTo("31.299");
        assertThat(pins.get("杭州明德诊所").hasCoordinates()).isFalse();
        assertThat(tags(pins.get("苏州康华医院"))).containsExactlyInAnyOrder("竞品渗透", "设备老化");
        assertThat(tags(pins.get("杭州明德诊所"))).containsExactlyInAnyOrder("院内招标", "预算紧张");

        UndoResult undo = f.history.undo(result.batchId(), admin);

        assertThat(undo.conflicts()).isEmpty();
        assertThat(undo.removed()).isEqualTo(2);
    }

    private List<String> tags(CustomerLocation c) {
        return List.copyOf(db.transactionResult(cfg -> CustomerLocationRepository.using(cfg, clock).tags(c.id())));
    }
}
