package io.salesdesk.insight.forecast;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.WorkspaceSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The procurement view: forecast quantity per SKU and province from the open deals expected to close
 * in a period (lines × probability), against the stock and inbound of the warehouses serving the
 * province, with the order that keeps the safety stock.
 */
public final class ProcurementService {

    /** Workspace setting with the safety stock of SKUs that have none of their own. */
    public static final String DEFAULT_SAFETY_KEY = "forecast.safetyStock.default";

    private final Database db;
    private final Clock clock;

    public ProcurementService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The procurement lines of the period's deals the viewer sees, by SKU and province. */
    public List<ProcurementLine> lines(Actor viewer, ForecastPeriod period) {
        return db.transactionResult(cfg -> {
            ProcurementRepository repo = ProcurementRepository.using(cfg, clock);
            return ProcurementRepository.lines(repo.demand(viewer, period.start(), period.end()), repo.supply(),
                    repo.safetyStock(), defaultSafety(WorkspaceSettings.using(cfg)));
        });
    }

    /**
     * The order that keeps the safety stock once the forecast is served:
     * ⌈max(0, forecast + safety − available − inbound)⌉, in whole units.
     */
    public static BigDecimal suggestedOrder(BigDecimal forecast, BigDecimal safety, BigDecimal available,
                                            BigDecimal inbound) {
        BigDecimal gap = forecast.add(safety).subtract(available).subtract(inbound);
        return gap.signum() <= 0 ? BigDecimal.ZERO : gap.setScale(0, RoundingMode.CEILING);
    }

    /** The global safety stock (0 until set). */
    public BigDecimal defaultSafetyStock() {
        return db.transactionResult(cfg -> defaultSafety(WorkspaceSettings.using(cfg)));
    }

    private static BigDecimal defaultSafety(WorkspaceSettings settings) {
        return settings.get(DEFAULT_SAFETY_KEY).map(BigDecimal::new).orElse(BigDecimal.ZERO);
    }

    /**
     * Sets the global safety stock as changed from {@code asRead}; nothing is written when it is the same.
     *
     * @throws SalesDeskException {@code forecast.safety.staleDefault} (with the value now) when someone
     *                            changed it since it was read
     */
    public void setDefaultSafetyStock(Actor actor, BigDecimal asRead, BigDecimal quantity) {
        check(actor, quantity);
        try {
            db.transaction(cfg -> {
                WorkspaceSettings settings = WorkspaceSettings.using(cfg);
                BigDecimal now = defaultSafety(settings);
                if (now.compareTo(asRead) != 0) {
                    throw new SalesDeskException("forecast.safety.staleDefault", plain(now));
                }
                if (quantity.compareTo(asRead) == 0) {
                    return;
                }
                String newValue = quantity.stripTrailingZeros().toPlainString();
                if (!settings.putIfStill(DEFAULT_SAFETY_KEY, settings.get(DEFAULT_SAFETY_KEY).orElse(null), newValue)) {
                    throw new SalesDeskException("forecast.safety.staleDefault", plain(defaultSafety(settings)));
                }
                ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), "safety_stock", new UUID(0, 0),
                        ChangeEntry.Operation.UPDATE, FieldChange.diff(Map.of("quantity", now), Map.of("quantity", quantity)));
            });
        } catch (org.jooq.exception.IntegrityConstraintViolationException setTwiceAtOnce) {
            throw new SalesDeskException("forecast.safety.staleDefault", plain(defaultSafetyStock()));
        }
    }

    /**
     * Sets a SKU's safety stock as changed from {@code asRead}, the value the screen showed for it
     * (its own, or the global one when it has none); nothing is written when its own is already that.
     *
     * @throws SalesDeskException {@code forecast.safety.stale} (with the value now) when someone
     *                            changed the SKU's own or the global safety stock since it was read
     */
    public void setSafetyStock(Actor actor, UUID productId, BigDecimal asRead, BigDecimal quantity) {
        check(actor, quantity);
        try {
            db.transaction(cfg -> {
                ProcurementRepository repo = ProcurementRepository.using(cfg, clock);
                BigDecimal own = repo.safetyStock(productId).orElse(null);
                BigDecimal now = own != null ? own : defaultSafety(WorkspaceSettings.using(cfg));
                if (now.compareTo(asRead) != 0) {
                    throw new SalesDeskException("forecast.safety.stale", plain(now));
                }
                if (own != null && own.compareTo(quantity) == 0) {
                    return;
                }
                if (!repo.putSafetyStockIfStill(actor, productId, own, quantity)) {
                    BigDecimal changed = repo.safetyStock(productId).orElse(defaultSafety(WorkspaceSettings.using(cfg)));
                    throw new SalesDeskException("forecast.safety.stale", plain(changed));
                }
                Map<String, Object> before = new HashMap<>();
                before.put("quantity", own);
                ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), "safety_stock", productId,
                        ChangeEntry.Operation.UPDATE, FieldChange.diff(before, Map.of("quantity", quantity)));
            });
        } catch (org.jooq.exception.IntegrityConstraintViolationException setTwiceAtOnce) {
            BigDecimal changed = db.transactionResult(cfg -> ProcurementRepository.using(cfg, clock).safetyStock(productId)
                    .orElse(defaultSafety(WorkspaceSettings.using(cfg))));
            throw new SalesDeskException("forecast.safety.stale", plain(changed));
        }
    }

    private static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    /** Sets the global safety stock whatever it is now (demo, scripts): last writer wins. */
    public void setDefaultSafetyStock(Actor actor, BigDecimal quantity) {
        check(actor, quantity);
        db.transaction(cfg -> {
            WorkspaceSettings settings = WorkspaceSettings.using(cfg);
            BigDecimal old = defaultSafety(settings);
            settings.put(DEFAULT_SAFETY_KEY, quantity.stripTrailingZeros().toPlainString());
            Map<String, Object> before = new HashMap<>();
            before.put("quantity", old);
            ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), "safety_stock", new UUID(0, 0),
                    ChangeEntry.Operation.UPDATE, FieldChange.diff(before, Map.of("quantity", quantity)));
        });
    }

    /** Sets a SKU's own safety stock whatever it is now (demo, scripts); null goes back to the global one. */
    public void setSafetyStock(Actor actor, UUID productId, BigDecimal quantity) {
        if (quantity != null) {
            check(actor, quantity);
        } else {
            check(actor, BigDecimal.ZERO);
        }
        db.transaction(cfg -> {
            ProcurementRepository repo = ProcurementRepository.using(cfg, clock);
            Map<String, Object> before = new HashMap<>();
            before.put("quantity", repo.safetyStock().get(productId));
            repo.putSafetyStock(actor, productId, quantity);
            Map<String, Object> after = new HashMap<>();
            after.put("quantity", quantity);
            ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), "safety_stock", productId,
                    ChangeEntry.Operation.UPDATE, FieldChange.diff(before, after));
        });
    }

    private static void check(Actor actor, BigDecimal quantity) {
        if (actor.role() == Role.REP) {
            throw new SalesDeskException("forecast.error.safetyNotAllowed");
        }
        if (quantity == null || quantity.signum() < 0) {
            throw new SalesDeskException("forecast.error.quantity");
        }
    }
}
