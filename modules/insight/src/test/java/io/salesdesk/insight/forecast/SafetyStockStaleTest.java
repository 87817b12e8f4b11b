package io.salesdesk.insight.forecast;

import static io.salesdesk.db.jooq.Tables.SAFETY_STOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two people setting safety stock from the same table: the later save is refused, not written over. */
class SafetyStockStaleTest {

    @TempDir
    Path dir;
    Database db;
    ForecastFixture f;
    ProcurementService procurement;
    UUID monitor;
    Actor admin;

    @BeforeEach
    void setUp() {
        db = open(dir);
        f = new ForecastFixture(db);
        procurement = new ProcurementService(db, f.clock);
        monitor = f.product("MON-1");
        admin = f.org.admin.asActor();
    }

    /** The database the tests run on: HSQLDB here, PostgreSQL in the subclass. */
    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private BigDecimal own(UUID product) {
        return db.transactionResult(cfg -> ProcurementRepository.using(cfg, f.clock).safetyStock(product).orElse(null));
    }

    @Test
    void aSecondSkuSaveFromTheSameReadIsRefusedAndNothingOfItIsWritten() {
        BigDecimal shown = BigDecimal.ZERO; // no own value yet: the table shows the global 0
        procurement.setSafetyStock(admin, monitor, shown, new BigDecimal("6"));

        assertThatThrownBy(() -> procurement.setSafetyStock(admin, monitor, shown, new BigDecimal("9")))
                .isInstanceOfSatisfying(SalesDeskException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("forecast.safety.stale");
                    assertThat(e.arguments()).containsExactly("6");
                });
        assertThat(own(monitor)).isEqualByComparingTo("6");

        procurement.setSafetyStock(admin, monitor, new BigDecimal("6.000"), new BigDecimal("9"));
        assertThat(own(monitor)).isEqualByComparingTo("9");
        // A save of what is there already writes nothing (not even a version).
        long version = version();
        procurement.setSafetyStock(admin, monitor, new BigDecimal("9"), new BigDecimal("9.0"));
        assertThat(version()).isEqualTo(version);
    }

    private long version() {
        Long version = db.transactionResult(cfg -> cfg.dsl().select(SAFETY_STOCK.VERSION).from(SAFETY_STOCK)
                .fetchOne(SAFETY_STOCK.VERSION));
        return version;
    }

    @Test
    void aSkuSaveMadeOnAGlobalValueSomeoneChangedMeanwhileIsRefused() {
        procurement.setDefaultSafetyStock(admin, BigDecimal.ZERO, new BigDecimal("4"));

        assertThatThrownBy(() -> procurement.setSafetyStock(admin, monitor, BigDecimal.ZERO, new BigDecimal("2")))
                .isInstanceOfSatisfying(SalesDeskException.class,
                        e -> assertThat(e.arguments()).containsExactly("4"));
        assertThat(own(monitor)).isNull();
    }

    @Test
    void aSecondGlobalSaveFromTheSameReadIsRefused() {
        BigDecimal read = procurement.defaultSafetyStock();
        procurement.setDefaultSafetyStock(admin, read, new BigDecimal("4"));

        assertThatThrownBy(() -> procurement.setDefaultSafetyStock(admin, read, new BigDecimal("7")))
                .isInstanceOfSatisfying(SalesDeskException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("forecast.safety.staleDefault");
                    assertThat(e.arguments()).containsExactly("4");
                });
        assertThat(procurement.defaultSafetyStock()).isEqualByComparingTo("4");

        procurement.setDefaultSafetyStock(admin, new BigDecimal("4"), new BigDecimal("7"));
        assertThat(procurement.defaultSafetyStock()).isEqualByComparingTo("7");
    }
}
