package io.salesdesk.commerce.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.CommerceFixture;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receiving, adjusting, reserving and releasing stock on a real HSQLDB; stock never goes negative. */
class StockServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    CommerceFixture f;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));
    Product m8;
    Warehouse wz;

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new CommerceFixture(db, clock);
        m8 = f.product("MON-M8", "监护仪", "38000", "26000");
        wz = f.warehouse("WZ01", CommerceFixture.WENZHOU);
        f.stock(m8, wz, "5", null, null);
        f.stock.reserve(f.admin, m8.id(), wz.id(), new BigDecimal("3"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void anAdjustmentBelowWhatIsReservedIsRefusedWithWhatThereIs() {
        assertThatThrownBy(() -> f.stock.adjust(f.admin, m8.id(), wz.id(), new BigDecimal("-3"), "盘点"))
                .isInstanceOfSatisfying(CommerceException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("stock.adjust.negative");
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("库存不能为负：MON-M8 在 WZ01 WZ01 仓 现有 5，"
                            + "已预留 3，调整 -3 后将少于已预留数量。请核对数量，或先释放预留。");
                    assertThat(e.message(Locale.ENGLISH)).startsWith("Stock cannot go negative: MON-M8 in WZ01");
                });
        assertThat(f.stock.level(m8.id(), wz.id()).orElseThrow().onHand()).isEqualByComparingTo("5");
    }

    @Test
    void anAdjustmentDownToWhatIsReservedIsAllowed() {
        StockLevel after = f.stock.adjust(f.admin, m8.id(), wz.id(), new BigDecimal("-2"), "破损");
        assertThat(after.onHand()).isEqualByComparingTo("3");
        assertThat(after.available()).isEqualByComparingTo("0");
    }

    @Test
    void reservingMoreThanIsAvailableIsRefused() {
        assertThatThrownBy(() -> f.stock.reserve(f.rep, m8.id(), wz.id(), new BigDecimal("3")))
                .isInstanceOfSatisfying(CommerceException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .isEqualTo("Not enough stock: MON-M8 in WZ01 WZ01 仓 has 2 available (5 on hand, 3 reserved);"
                                + " cannot reserve 3."));
        assertThat(f.stock.reserve(f.rep, m8.id(), wz.id(), new BigDecimal("2")).available()).isEqualByComparingTo("0");
    }

    @Test
    void releasingMoreThanIsReservedIsRefused() {
        assertThatThrownBy(() -> f.stock.release(f.rep, m8.id(), wz.id(), new BigDecimal("4")))
                .isInstanceOf(CommerceException.class).hasMessageContaining("不能释放 4");
        assertThat(f.stock.release(f.rep, m8.id(), wz.id(), new BigDecimal("3")).reserved()).isEqualByComparingTo("0");
    }

    @Test
    void aNegativeOrZeroQuantityIsRefused() {
        assertThatThrownBy(() -> f.stock.receive(f.admin, m8.id(), wz.id(), new BigDecimal("-1")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.stock.reserve(f.admin, m8.id(), wz.id(), BigDecimal.ZERO))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void receivingGoodsUsesUpTheInboundAndClearsItsDateWhenAllArrived() {
        f.stock.setInbound(f.admin, m8.id(), wz.id(), new BigDecimal("10"), LocalDate.of(2026, 12, 10));

        StockLevel part = f.stock.receive(f.admin, m8.id(), wz.id(), new BigDecimal("4"));
        assertThat(part.inbound()).isEqualByComparingTo("6");
        assertThat(part.inboundEta()).isEqualTo(LocalDate.of(2026, 12, 10));

        StockLevel all = f.stock.receive(f.admin, m8.id(), wz.id(), new BigDecimal("6"));
        assertThat(all.onHand()).isEqualByComparingTo("15");
        assertThat(all.inbound()).isEqualByComparingTo("0");
        assertThat(all.inboundEta()).isNull();
    }

    @Test
    void anInboundQuantityNeedsItsDate() {
        assertThatThrownBy(() -> f.stock.setInbound(f.admin, m8.id(), wz.id(), new BigDecimal("10"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("stock.inbound.etaRequired"));
    }

    @Test
    void aRepCannotChangeCountedStock() {
        assertThatThrownBy(() -> f.stock.adjust(f.rep, m8.id(), wz.id(), BigDecimal.ONE, null))
                .isInstanceOfSatisfying(CommerceException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("stock.notAllowed"));
    }

    @Test
    void everyStockChangeIsAuditedWithItsRow() {
        List<ChangeEntry> trail = db.transactionResult(cfg -> ChangeLog.using(cfg, clock)
                .forEntity(StockRepository.rowId(m8.id(), wz.id())));
        assertThat(trail).extracting(ChangeEntry::operation)
                .containsExactly(ChangeEntry.Operation.INSERT, ChangeEntry.Operation.UPDATE);
        assertThat(trail.get(1).changes().get("reserved").newValue()).isEqualTo("3");
        assertThat(trail.get(1).changes().get("productId").newValue()).isEqualTo(m8.id().toString());
    }

    @Test
    void aWarehouseRegionMustBeARealRegion() {
        assertThatThrownBy(() -> f.warehouse("XX01", "339999"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("warehouse.region.unknown"));
    }
}
