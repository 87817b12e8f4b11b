package io.salesdesk.commerce.quote;

import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.PRODUCT;
import static io.salesdesk.db.jooq.Tables.QUOTE;
import static io.salesdesk.db.jooq.Tables.QUOTE_LINE;
import static io.salesdesk.db.jooq.Tables.SYNC_NODE;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.Visibility;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.jooq.tables.records.QuoteRecord;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Quotes and their lines; every change bumps the quote's version and is audited. */
public final class QuoteRepository {

    public static final String ENTITY = "quote";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private QuoteRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static QuoteRepository using(Configuration configuration, Clock clock) {
        return new QuoteRepository(configuration, clock);
    }

    /**
     * The highest quote number starting with {@code prefix} (e.g. {@code BJ-2026-}), if any; a number
     * with a branch code after the prefix (BJ-2026-A3F09C-0001, made on a replica) is not counted.
     */
    public Optional<String> highestNumber(String prefix) {
        return Optional.ofNullable(dsl.select(DSL.max(QUOTE.QUOTE_NO)).from(QUOTE)
                .where(QUOTE.QUOTE_NO.startsWith(prefix), QUOTE.QUOTE_NO.notLike(prefix + "%-%"))
                .fetchOne(0, String.class));
    }

    /** This database's node id if it is a branch replica (docs/decisions.md, decision 6). */
    public Optional<UUID> replicaNodeId() {
        return dsl.select(SYNC_NODE.NODE_ID).from(SYNC_NODE).where(SYNC_NODE.ROLE.eq("REPLICA"))
                .fetchOptional(SYNC_NODE.NODE_ID);
    }

    /** Inserts a quote with its lines (the quote's id, number, version 1). */
    public void insert(Actor actor, ChangeReason reason, Quote q) {
        OffsetDateTime now = Rows.now(clock);
        QuoteRecord r = dsl.newRecord(QUOTE);
        r.setId(q.id());
        r.setQuoteNo(q.quoteNo());
        r.setCustomerId(q.customerId());
        r.setOwnerId(q.ownerId());
        write(r, q);
        r.setVersion(1L);
        r.setCreatedAt(now);
        r.setCreatedBy(Rows.userId(actor));
        r.setUpdatedAt(now);
        r.setUpdatedBy(Rows.userId(actor));
        r.insert();
        insertLines(q);
        Map<String, Object> after = snapshot(r);
        after.put("lines", QuoteLinesText.format(q.lines()));
        changeLog.record(actor, reason, ENTITY, q.id(), ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), after));
    }

    /**
     * Writes the quote's header and lines over the version it was read at.
     *
     * @throws StaleRecordException if it changed meanwhile
     */
    public Quote update(Actor actor, ChangeReason reason, Quote q) {
        QuoteRecord current = dsl.selectFrom(QUOTE).where(QUOTE.ID.eq(q.id()), QUOTE.DELETED_AT.isNull()).fetchOne();
        if (current == null || current.getVersion() != q.version()) {
            throw stale(q.id(), q.version());
        }
        QuoteRecord changed = current.copy();
        changed.setId(q.id());
        write(changed, q);
        Map<String, Object> before = snapshot(current);
        before.put("lines", QuoteLinesText.format(find(q.id()).orElseThrow().lines()));
        Map<String, Object> after = snapshot(changed);
        after.put("lines", QuoteLinesText.format(q.lines()));
        Map<String, FieldChange> changes = FieldChange.diff(before, after);
        if (changes.isEmpty()) {
            return find(q.id()).orElseThrow();
        }
        OffsetDateTime now = Rows.now(clock);
        int updated = dsl.update(QUOTE).set(QUOTE.OPPORTUNITY_ID, changed.getOpportunityId())
                .set(QUOTE.STATUS, changed.getStatus()).set(QUOTE.VALID_UNTIL, changed.getValidUntil())
                .set(QUOTE.TOTAL_LIST, changed.getTotalList()).set(QUOTE.TOTAL_NET, changed.getTotalNet())
                .set(QUOTE.TOTAL_COST, changed.getTotalCost()).set(QUOTE.MAX_DISCOUNT_PCT, changed.getMaxDiscountPct())
                .set(QUOTE.NEEDS_APPROVAL, changed.getNeedsApproval()).set(QUOTE.NOTE, changed.getNote())
                .set(QUOTE.SENT_AT, changed.getSentAt()).set(QUOTE.VERSION, q.version() + 1)
                .set(QUOTE.UPDATED_AT, now).set(QUOTE.UPDATED_BY, Rows.userId(actor))
                .where(QUOTE.ID.eq(q.id()), QUOTE.VERSION.eq(q.version()), QUOTE.DELETED_AT.isNull()).execute();
        if (updated == 0) {
            throw stale(q.id(), q.version());
        }
        if (changes.containsKey("lines")) {
            dsl.deleteFrom(QUOTE_LINE).where(QUOTE_LINE.QUOTE_ID.eq(q.id())).execute();
            insertLines(q);
        }
        changeLog.record(actor, reason, ENTITY, q.id(), ChangeEntry.Operation.UPDATE, changes);
        return find(q.id()).orElseThrow();
    }

    public Optional<Quote> find(UUID id) {
        return list(QUOTE.ID.eq(id)).stream().findFirst();
    }

    /** The quote as it is now, if the viewer may see it (by owner, as {@link #visibleTo}). */
    public Optional<Quote> find(Actor viewer, UUID id) {
        return list(QUOTE.ID.eq(id).and(Visibility.ownedBy(QUOTE.OWNER_ID, viewer))).stream().findFirst();
    }

    public List<Quote> forCustomer(UUID customerId) {
        return list(QUOTE.CUSTOMER_ID.eq(customerId));
    }

    public List<Quote> forOpportunity(UUID opportunityId) {
        return list(QUOTE.OPPORTUNITY_ID.eq(opportunityId));
    }

    /**
     * The quotes the viewer may see (by owner, as contracts), newest number first.
     *
     * @param status only this status, or null for all
     */
    public List<Quote> visibleTo(Actor viewer, QuoteStatus status, int limit) {
        Condition where = Visibility.ownedBy(QUOTE.OWNER_ID, viewer);
        if (status != null) {
            where = where.and(QUOTE.STATUS.eq(status.name()));
        }
        List<UUID> ids = dsl.select(QUOTE.ID).from(QUOTE).where(QUOTE.DELETED_AT.isNull(), where)
                .orderBy(QUOTE.QUOTE_NO.desc()).limit(limit).fetch(QUOTE.ID);
        return ids.isEmpty() ? List.of() : list(QUOTE.ID.in(ids));
    }

    /** The names of the customers, by id. */
    public Map<UUID, String> customerNames(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        return dsl.select(CUSTOMER.ID, CUSTOMER.NAME).from(CUSTOMER).where(CUSTOMER.ID.in(customerIds))
                .fetchMap(CUSTOMER.ID, CUSTOMER.NAME);
    }

    /** Quotes not yet answered whose validity ended before {@code today}. */
    public List<Quote> lapsed(LocalDate today, List<String> statuses) {
        return list(QUOTE.VALID_UNTIL.lt(today).and(QUOTE.STATUS.in(statuses)));
    }

    private List<Quote> list(Condition condition) {
        List<QuoteRecord> rows = dsl.selectFrom(QUOTE).where(QUOTE.DELETED_AT.isNull(), condition)
                .orderBy(QUOTE.QUOTE_NO.desc()).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<QuoteLine>> lines = new HashMap<>();
        dsl.select(QUOTE_LINE.fields()).select(PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY).from(QUOTE_LINE)
                .join(PRODUCT).on(PRODUCT.ID.eq(QUOTE_LINE.PRODUCT_ID))
                .where(QUOTE_LINE.QUOTE_ID.in(rows.stream().map(QuoteRecord::getId).toList()))
                .orderBy(QUOTE_LINE.QUOTE_ID, QUOTE_LINE.LINE_NO)
                .forEach(r -> lines.computeIfAbsent(r.get(QUOTE_LINE.QUOTE_ID), k -> new ArrayList<>()).add(
                        line(r.get(QUOTE_LINE.LINE_NO), r.get(QUOTE_LINE.PRODUCT_ID), r.get(PRODUCT.SKU),
                                r.get(PRODUCT.NAME), r.get(PRODUCT.CATEGORY), r.get(QUOTE_LINE.QUANTITY),
                                r.get(QUOTE_LINE.UNIT_PRICE), r.get(QUOTE_LINE.DISCOUNT_PCT),
                                r.get(QUOTE_LINE.UNIT_COST))));
        return rows.stream().map(r -> new Quote(r.getId(), r.getQuoteNo(), r.getOpportunityId(), r.getCustomerId(),
                r.getOwnerId(), QuoteStatus.valueOf(r.getStatus()), r.getValidUntil(), r.getTotalList(),
                r.getTotalNet(), r.getTotalCost(), r.getMaxDiscountPct(), r.getNeedsApproval(), r.getNote(),
                r.getSentAt(), lines.getOrDefault(r.getId(), List.of()), r.getVersion())).toList();
    }

    /** A line with its amounts computed from what is stored. */
    public static QuoteLine line(int no, UUID productId, String sku, String name, String category,
                          java.math.BigDecimal quantity, java.math.BigDecimal unitPrice,
                          java.math.BigDecimal discountPct, java.math.BigDecimal unitCost) {
        return new QuoteLine(no, productId, sku, name, category, quantity, unitPrice, discountPct, unitCost,
                QuoteMath.listAmount(quantity, unitPrice), QuoteMath.netAmount(quantity, unitPrice, discountPct),
                QuoteMath.costAmount(quantity, unitCost));
    }

    private void insertLines(Quote q) {
        for (QuoteLine l : q.lines()) {
            dsl.insertInto(QUOTE_LINE).set(QUOTE_LINE.ID, Ids.newId(clock)).set(QUOTE_LINE.QUOTE_ID, q.id())
                    .set(QUOTE_LINE.LINE_NO, l.lineNo()).set(QUOTE_LINE.PRODUCT_ID, l.productId())
                    .set(QUOTE_LINE.QUANTITY, l.quantity()).set(QUOTE_LINE.UNIT_PRICE, l.unitPrice())
                    .set(QUOTE_LINE.DISCOUNT_PCT, l.discountPct()).set(QUOTE_LINE.UNIT_COST, l.unitCost()).execute();
        }
    }

    private static void write(QuoteRecord r, Quote q) {
        r.setOpportunityId(q.opportunityId());
        r.setStatus(q.status().name());
        r.setValidUntil(q.validUntil());
        r.setTotalList(q.totalList());
        r.setTotalNet(q.totalNet());
        r.setTotalCost(q.totalCost());
        r.setMaxDiscountPct(q.maxDiscountPct());
        r.setNeedsApproval(q.needsApproval());
        r.setNote(q.note());
        r.setSentAt(q.sentAt());
    }

    private StaleRecordException stale(UUID id, long expectedVersion) {
        return new StaleRecordException(ENTITY, id, expectedVersion, find(id).orElse(null));
    }

    private static Map<String, Object> snapshot(QuoteRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quoteNo", r.getQuoteNo());
        m.put("opportunityId", r.getOpportunityId());
        m.put("customerId", r.getCustomerId());
        m.put("ownerId", r.getOwnerId());
        m.put("status", r.getStatus());
        m.put("validUntil", r.getValidUntil());
        m.put("totalNet", r.getTotalNet());
        m.put("needsApproval", r.getNeedsApproval());
        m.put("note", r.getNote());
        m.put("sentAt", r.getSentAt());
        return m;
    }
}
