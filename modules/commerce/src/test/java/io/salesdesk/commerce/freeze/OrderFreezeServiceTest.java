package io.salesdesk.commerce.freeze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.CommerceFixture;
import io.salesdesk.commerce.CommerceSettings;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.quote.QuoteDraft;
import io.salesdesk.commerce.quote.QuoteLineDraft;
import io.salesdesk.commerce.stock.OpportunityLine;
import io.salesdesk.commerce.stock.Warehouse;
import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.testing.TestClock;
import io.salesdesk.db.Database;
import io.salesdesk.db.TestDatabases;
import io.salesdesk.db.WorkspaceSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Order freezes on a real HSQLDB: started by a shortage, ended by the clock or by a manager with a reason. */
class OrderFreezeServiceTest {

    @TempDir
    Path dataDir;

    Database db;
    CommerceFixture f;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));
    Product m8;
    UUID hospital;
    UUID deal;

    Database open(Path dir) {
        return TestDatabases.hsqldb(dir);
    }

    @BeforeEach
    void setUp() {
        db = open(dataDir);
        f = new CommerceFixture(db, clock);
        m8 = f.product("MON-M8", "监护仪", "38000", "26000");
        Warehouse wz = f.warehouse("WZ01", CommerceFixture.WENZHOU);
        f.stock(m8, wz, "1", null, null);
        hospital = f.customer("温州鹿城人民医院", CommerceFixture.LUCHENG);
        deal = f.deal(hospital, "监护仪 3 台");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private OrderFreeze shortage() {
        return f.lines.save(f.rep, deal, List.of(new OpportunityLine.Draft(m8.id(), new BigDecimal("3")))).freezes()
                .get(0);
    }

    @Test
    void aFreezeHoldsFor72HoursAndEndsByItselfWhenTheClockPassesIt() {
        OrderFreeze freeze = shortage();
        assertThat(f.freezes.active(hospital)).containsExactly(freeze);

        clock.advance(Duration.ofHours(71).plusMinutes(59));
        assertThat(f.freezes.isFrozen(hospital, "监护仪")).isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(f.freezes.isFrozen(hospital, "监护仪")).isFalse();
        assertThat(f.freezes.active(hospital)).isEmpty();
    }

    @Test
    void theWorkspaceSettingDecidesHowLong() {
        db.transaction(cfg -> WorkspaceSettings.using(cfg).put(CommerceSettings.FREEZE_HOURS, "24"));

        OrderFreeze freeze = shortage();

        assertThat(Duration.between(freeze.heldFrom(), freeze.heldUntil())).isEqualTo(Duration.ofHours(24));
        clock.advance(Duration.ofHours(24));
        assertThat(f.freezes.isFrozen(hospital, "监护仪")).isFalse();
    }

    @Test
    void aSecondShortageDoesNotStackOrProlongTheFreeze() {
        OrderFreeze first = shortage();
        clock.advance(Duration.ofHours(10));

        f.lines.check(f.rep, deal);

        assertThat(f.freezes.active(hospital)).containsExactly(first);
    }

    @Test
    void liftingNeedsAReason() {
        OrderFreeze freeze = shortage();
        assertThatThrownBy(() -> f.freezes.lift(f.manager, freeze.id(), "  "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("freeze.lift.reasonRequired"));
        assertThat(f.freezes.isFrozen(hospital, "监护仪")).isTrue();
    }

    @Test
    void onlyAManagerLifts() {
        OrderFreeze freeze = shortage();
        assertThatThrownBy(() -> f.freezes.lift(f.rep, freeze.id(), "客户同意用 M9 替代"))
                .isInstanceOfSatisfying(CommerceException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("freeze.lift.notAllowed"));
        assertThat(f.freezes.isFrozen(hospital, "监护仪")).isTrue();

        OrderFreeze lifted = f.freezes.lift(f.manager, freeze.id(), "客户同意用 M9 替代");

        assertThat(lifted.liftedBy()).isEqualTo(f.manager.userId());
        assertThat(lifted.liftReason()).isEqualTo("客户同意用 M9 替代");
        assertThat(f.freezes.isFrozen(hospital, "监护仪")).isFalse();
        assertThatThrownBy(() -> f.freezes.lift(f.manager, freeze.id(), "again"))
                .isInstanceOfSatisfying(CommerceException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("freeze.lift.notActive"));
    }

    @Test
    void aQuoteInAFrozenCategoryIsRefusedNamingTheFreezeUntilItEnds() {
        shortage();
        QuoteDraft draft = new QuoteDraft(hospital, deal, null, null,
                List.of(new QuoteLineDraft(m8.id(), BigDecimal.ONE, null, null)));

        assertThatThrownBy(() -> f.quotes.create(f.rep, draft))
                .isInstanceOfSatisfying(OrderFrozenException.class, e -> {
                    assertThat(e.freeze().category()).isEqualTo("监护仪");
                    // 02:00 UTC + 72 h is 10:00 on 30 November in China.
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).startsWith("该客户的“监护仪”类订单已冻结至 2026-11-30 10:00");
                    assertThat(e.message(Locale.ENGLISH)).contains("frozen until 2026-11-30 10:00");
                });

        clock.advance(Duration.ofHours(72));
        assertThat(f.quotes.create(f.rep, draft).quoteNo()).isEqualTo("BJ-2026-0001");
    }
}
