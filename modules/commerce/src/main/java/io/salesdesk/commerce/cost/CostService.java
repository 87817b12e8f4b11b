package io.salesdesk.commerce.cost;

import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * The cost of every deal: cost entries of four kinds attributed to a deal and its customer (or to
 * a customer alone), totals per deal and per customer, and the customer acquisition cost.
 *
 * <p><b>CAC as SalesDesk computes it.</b> A customer is <i>won</i> in a period when its first deal
 * in a won stage closed in that period (business time, Asia/Shanghai). The acquisition cost of a
 * won customer is the sum of its ACQUISITION and PRE-SALES cost entries (attributed to it directly
 * or through any of its deals), incurred on or before the last day of the period; travel and
 * fulfilment are the cost of serving a deal, not of winning the customer, and are left out. The
 * CAC of a period is the acquisition cost of the customers won in it divided by how many were won
 * (a customer with no recorded cost counts with zero). Per channel, the cost is split by the
 * channel written on each entry and divided by the won customers with cost in that channel, so a
 * customer reached through two channels counts in both. Each figure also says how much of it was
 * MEASURED (booked against the deal) and how much ALLOCATED (spread from a pool). Every report is
 * one aggregate query in the database.
 */
public final class CostService {

    /** Most rows a per-customer CAC report loads. */
    public static final int CAC_LIMIT = 200_000;
    static final int CHANNEL_MAX = 40;
    static final int NOTE_MAX = 500;
    private static final BigDecimal MAX_HOURS = new BigDecimal("99999999.99");

    private final Database db;
    private final Clock clock;

    public CostService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Records a cost. The customer is taken from the deal when not given; PRE-SALES costs are hours
     * × hourly rate, rounded half up to the fen.
     *
     * @throws ValidationException listing each refused field
     */
    public CostEntry record(Actor actor, CostDraft draft) {
        return recordAll(actor, ChangeReason.user(), List.of(draft)).get(0);
    }

    /**
     * Records many costs in one transaction (the import), all or none.
     *
     * @throws ValidationException with the problems of the first refused draft
     */
    public List<CostEntry> recordAll(Actor actor, ChangeReason reason, List<CostDraft> drafts) {
        return db.transactionResult(cfg -> {
            List<CostEntry> entries = new ArrayList<>(drafts.size());
            for (CostDraft d : drafts) {
                entries.add(check(cfg, actor, d));
            }
            CostRepository.using(cfg, clock).insertAll(actor, reason, entries);
            return entries;
        });
    }

    /**
     * Checks a draft as {@link #record} would and returns the entry it would write (a new id),
     * without writing; the import's preview uses it.
     *
     * @throws ValidationException listing each refused field
     */
    public CostEntry validate(Actor actor, CostDraft draft) {
        return db.transactionResult(cfg -> check(cfg, actor, draft));
    }

    /**
     * Removes a cost (soft delete).
     *
     * @throws StaleRecordException if it changed or went away since {@code expectedVersion}
     */
    public void delete(Actor actor, UUID id, long expectedVersion) {
        db.transaction(cfg -> {
            CostRepository costs = CostRepository.using(cfg, clock);
            CostEntry current = costs.find(id)
                    .orElseThrow(() -> new StaleRecordException(CostRepository.ENTITY, id, expectedVersion, null));
            requireVisible(cfg, actor, current.customerId());
            costs.delete(actor, ChangeReason.user(), id, expectedVersion);
        });
    }

    /** The deal's costs, newest first. */
    public List<CostEntry> forOpportunity(Actor viewer, UUID opportunityId) {
        return db.transactionResult(cfg -> {
            CostRepository costs = CostRepository.using(cfg, clock);
            UUID customer = costs.customerOfOpportunity(opportunityId).orElse(null);
            return customer == null || !visible(cfg, viewer, customer) ? List.<CostEntry>of()
                    : costs.list(opportunityId, null);
        });
    }

    /** The customer's costs (its own and its deals'), newest first. */
    public List<CostEntry> forCustomer(Actor viewer, UUID customerId) {
        return db.transactionResult(cfg -> visible(cfg, viewer, customerId)
                ? CostRepository.using(cfg, clock).list(null, customerId) : List.<CostEntry>of());
    }

    /** What the deal cost, per kind, measured and allocated. */
    public CostTotals totalsForOpportunity(Actor viewer, UUID opportunityId) {
        return db.transactionResult(cfg -> {
            CostRepository costs = CostRepository.using(cfg, clock);
            UUID customer = costs.customerOfOpportunity(opportunityId)
                    .orElseThrow(() -> new SalesDeskException("cost.opportunity.unknown"));
            requireVisible(cfg, viewer, customer);
            return costs.totals(opportunityId, null);
        });
    }

    /** What the customer cost (its own costs and its deals'), per kind, measured and allocated. */
    public CostTotals totalsForCustomer(Actor viewer, UUID customerId) {
        return db.transactionResult(cfg -> {
            requireVisible(cfg, viewer, customerId);
            return CostRepository.using(cfg, clock).totals(null, customerId);
        });
    }

    /** The CAC of the customers won from {@code from} to {@code to} (both inclusive). */
    public Cac cac(Actor viewer, LocalDate from, LocalDate to) {
        return cacByPeriod(viewer, List.of(from), to).get(0);
    }

    /** The CAC of each calendar month from {@code from} to {@code to}, months without wins at zero. */
    public List<Cac> cacByMonth(Actor viewer, YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw new ValidationException(List.of(FieldProblem.of("to", "cost.period.invalid")));
        }
        List<LocalDate> starts = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            starts.add(m.atDay(1));
        }
        return cacByPeriod(viewer, starts, to.atEndOfMonth());
    }

    /**
     * The CAC of consecutive periods in one query: the i-th from {@code firstDays[i]} to the day
     * before the next first day, the last to {@code lastDay}. Worth it because the query groups
     * every won deal once, however many periods it cuts them into.
     */
    public List<Cac> cacOfPeriods(Actor viewer, List<LocalDate> firstDays, LocalDate lastDay) {
        for (int i = 1; i < firstDays.size(); i++) {
            if (!firstDays.get(i).isAfter(firstDays.get(i - 1))) {
                throw new ValidationException(List.of(FieldProblem.of("from", "cost.period.invalid")));
            }
        }
        return cacByPeriod(viewer, List.copyOf(firstDays), lastDay);
    }

    /** Each customer won from {@code from} to {@code to} with what it cost to win it, most costly first. */
    public List<CustomerCac> cacByCustomer(Actor viewer, LocalDate from, LocalDate to) {
        return cacByCustomer(viewer, from, to, CAC_LIMIT);
    }

    /**
     * The {@code limit} customers won from {@code from} to {@code to} that cost most to win, most
     * costly first: what a manager reads, without ranking every customer by name.
     */
    public List<CustomerCac> cacByCustomer(Actor viewer, LocalDate from, LocalDate to, int limit) {
        requireManagement(viewer);
        checkRange(from, to);
        return db.transactionResult(cfg -> CostRepository.using(cfg, clock).seenBy(viewer).cacByCustomer(start(from),
                start(to.plusDays(1)), to, limit));
    }

    /** The CAC per acquisition channel of the customers won from {@code from} to {@code to}. */
    public List<Cac> cacByChannel(Actor viewer, LocalDate from, LocalDate to) {
        requireManagement(viewer);
        checkRange(from, to);
        return db.transactionResult(cfg -> CostRepository.using(cfg, clock).seenBy(viewer).cacByChannel(start(from),
                start(to.plusDays(1)), from, to));
    }

    // ------------------------------------------------------------------ internals

    /** Consecutive periods starting on {@code firstDays}, the last ending on {@code lastDay}. */
    private List<Cac> cacByPeriod(Actor viewer, List<LocalDate> firstDays, LocalDate lastDay) {
        requireManagement(viewer);
        checkRange(firstDays.get(0), lastDay);
        List<OffsetDateTime> starts = new ArrayList<>();
        List<LocalDate> lastDays = new ArrayList<>();
        for (int i = 0; i < firstDays.size(); i++) {
            starts.add(start(firstDays.get(i)));
            lastDays.add(i + 1 < firstDays.size() ? firstDays.get(i + 1).minusDays(1) : lastDay);
        }
        starts.add(start(lastDay.plusDays(1)));
        return db.transactionResult(cfg -> CostRepository.using(cfg, clock).seenBy(viewer).cacByPeriod(starts, firstDays, lastDays));
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new ValidationException(List.of(FieldProblem.of("to", "cost.period.invalid")));
        }
    }

    private CostEntry check(Configuration cfg, Actor actor, CostDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        CostRepository costs = CostRepository.using(cfg, clock);
        UUID customerId = d.customerId();
        if (d.opportunityId() != null) {
            UUID ofDeal = costs.customerOfOpportunity(d.opportunityId()).orElse(null);
            if (ofDeal == null) {
                problems.add(FieldProblem.of("opportunityId", "cost.opportunity.unknown"));
            } else if (customerId != null && !customerId.equals(ofDeal)) {
                problems.add(FieldProblem.of("customerId", "cost.customer.mismatch"));
            } else {
                customerId = ofDeal;
            }
        } else if (customerId == null) {
            problems.add(FieldProblem.of("customerId", "cost.target.required"));
        }
        if (customerId != null && problems.isEmpty() && !visible(cfg, actor, customerId)) {
            problems.add(FieldProblem.of("customerId", "cost.customer.notVisible"));
        }
        if (d.kind() == null) {
            problems.add(FieldProblem.of("kind", "cost.kind.required"));
        } else if (d.subkind() != null && d.subkind().kind() != d.kind()) {
            problems.add(FieldProblem.of("subkind", "cost.subkind.wrongKind", d.subkind().name(), d.kind().name()));
        }
        if (d.basis() == null) {
            problems.add(FieldProblem.of("basis", "cost.basis.required"));
        }
        if (d.incurredOn() == null) {
            problems.add(FieldProblem.of("incurredOn", "cost.date.required"));
        } else if (d.incurredOn().isAfter(BusinessTime.today(clock))) {
            problems.add(FieldProblem.of("incurredOn", "cost.date.future", d.incurredOn().toString()));
        }
        String channel = Rows.blankToNull(d.channel());
        if (channel != null && channel.length() > CHANNEL_MAX) {
            problems.add(FieldProblem.of("channel", "cost.channel.tooLong", CHANNEL_MAX));
        }
        String note = Rows.blankToNull(d.note());
        if (note != null && note.length() > NOTE_MAX) {
            problems.add(FieldProblem.of("note", "cost.note.tooLong", NOTE_MAX));
        }
        BigDecimal amount = d.amount();
        BigDecimal hours = null;
        BigDecimal rate = null;
        if (d.kind() == CostKind.PRESALES) {
            hours = d.hours();
            rate = d.hourlyRate();
            if (hours == null || hours.signum() <= 0 || hours.stripTrailingZeros().scale() > 2
                    || hours.compareTo(MAX_HOURS) > 0) {
                problems.add(FieldProblem.of("hours", "cost.hours.invalid", hours == null ? "" : hours.toPlainString()));
            }
            if (rate == null || rate.signum() < 0 || rate.stripTrailingZeros().scale() > 2) {
                problems.add(FieldProblem.of("hourlyRate", "cost.rate.invalid", rate == null ? "" : rate.toPlainString()));
            }
            amount = problems.isEmpty() ? hours.multiply(rate).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
        } else if (amount == null) {
            problems.add(FieldProblem.of("amount", "cost.amount.required"));
        } else if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            problems.add(FieldProblem.of("amount", "cost.amount.invalid", amount.toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new CostEntry(Ids.newId(clock), d.kind(), d.subkind(), d.opportunityId(), customerId, channel,
                amount.setScale(2, RoundingMode.UNNECESSARY), hours == null ? null : hours.setScale(2),
                rate == null ? null : rate.setScale(2), d.incurredOn(), d.basis(), note, 1L);
    }

    private boolean visible(Configuration cfg, Actor viewer, UUID customerId) {
        return CustomerRepository.using(cfg, clock, code -> code).isVisible(viewer, customerId);
    }

    private void requireVisible(Configuration cfg, Actor viewer, UUID customerId) {
        if (!visible(cfg, viewer, customerId)) {
            throw new SalesDeskException("cost.customer.notVisible");
        }
    }

    /** CAC compares the whole organisation's spending: managers and company-wide roles only. */
    private static void requireManagement(Actor viewer) {
        if (viewer.role() != Role.MANAGER && !viewer.role().seesEverything()) {
            throw new SalesDeskException("cost.cac.notAllowed");
        }
    }
}
