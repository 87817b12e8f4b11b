package io.salesdesk.commerce.collection;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.COLLECTION_ITEM;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.INVOICE;
import static io.salesdesk.db.jooq.Tables.PAYMENT;

import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.ContractRepository;
import io.salesdesk.commerce.contract.ContractStatus;
import io.salesdesk.commerce.contract.DocumentNumbers;
import io.salesdesk.commerce.contract.Milestone;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.crm.Visibility;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Collection items, invoices and payments in the database, and the receivables computed from them:
 * ageing per bucket in one grouped query, the overdue list, and the items the overdue scanner has
 * yet to escalate. Reads for a viewer apply {@link Visibility} by contract owner.
 */
public final class CollectionRepository {

    static final String ITEM_ENTITY = "collection_item";
    static final String INVOICE_ENTITY = "invoice";
    static final String PAYMENT_ENTITY = "payment";

    private static final List<String> LIVE = List.of(ContractStatus.SIGNED.name(), ContractStatus.EXECUTING.name());

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private CollectionRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static CollectionRepository using(Configuration configuration, Clock clock) {
        return new CollectionRepository(configuration, clock);
    }

    /** A schedule line to insert. */
    public record NewItem(int seq, Milestone milestone, BigDecimal amount, LocalDate dueOn) {
    }

    /**
     * Inserts a contract's collection schedule with one audit entry per line; each item carries the
     * contract's customer, owner and status (see {@link ContractRepository#update}).
     */
    public void insertSchedule(Actor actor, ChangeReason reason, Contract contract, List<NewItem> items) {
        UUID contractId = contract.id();
        OffsetDateTime now = Rows.now(clock);
        List<ChangeLog.Pending> audit = new ArrayList<>();
        for (NewItem item : items) {
            UUID id = Ids.newId(clock);
            dsl.insertInto(COLLECTION_ITEM)
                    .set(COLLECTION_ITEM.ID, id)
                    .set(COLLECTION_ITEM.CONTRACT_ID, contractId)
                    .set(COLLECTION_ITEM.CUSTOMER_ID, contract.customerId())
                    .set(COLLECTION_ITEM.OWNER_ID, contract.ownerId())
                    .set(COLLECTION_ITEM.CONTRACT_STATUS, contract.status().name())
                    .set(COLLECTION_ITEM.SEQ, item.seq())
                    .set(COLLECTION_ITEM.MILESTONE, item.milestone().name())
                    .set(COLLECTION_ITEM.AMOUNT, item.amount())
                    .set(COLLECTION_ITEM.DUE_ON, item.dueOn())
                    .set(COLLECTION_ITEM.INVOICED, BigDecimal.ZERO)
                    .set(COLLECTION_ITEM.COLLECTED, BigDecimal.ZERO)
                    .set(COLLECTION_ITEM.VERSION, 1L)
                    .set(COLLECTION_ITEM.CREATED_AT, now)
                    .set(COLLECTION_ITEM.UPDATED_AT, now)
                    .execute();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("contractId", contractId);
            after.put("seq", item.seq());
            after.put("milestone", item.milestone());
            after.put("amount", item.amount());
            after.put("dueOn", item.dueOn());
            audit.add(new ChangeLog.Pending(ITEM_ENTITY, id, ChangeEntry.Operation.INSERT,
                    FieldChange.diff(Map.of(), after)));
        }
        changeLog.recordAll(actor, reason, audit);
    }

    /** The contract's schedule in order. */
    public List<CollectionItem> items(UUID contractId) {
        return selectItems().where(COLLECTION_ITEM.CONTRACT_ID.eq(contractId)).orderBy(COLLECTION_ITEM.SEQ)
                .fetch(CollectionRepository::toItem);
    }

    /** One item, locked for the rest of the transaction (payments and invoices on it queue up). */
    public Optional<CollectionItem> lockItem(UUID id) {
        dsl.select(COLLECTION_ITEM.ID).from(COLLECTION_ITEM).where(COLLECTION_ITEM.ID.eq(id)).forUpdate().fetch();
        return item(id);
    }

    public Optional<CollectionItem> item(UUID id) {
        return selectItems().where(COLLECTION_ITEM.ID.eq(id)).fetchOptional(CollectionRepository::toItem);
    }

    /** Sets the due date of a schedule line once its milestone happened. */
    public void setDueOn(Actor actor, ChangeReason reason, CollectionItem item, LocalDate dueOn) {
        OffsetDateTime now = Rows.now(clock);
        dsl.update(COLLECTION_ITEM).set(COLLECTION_ITEM.DUE_ON, dueOn)
                .set(COLLECTION_ITEM.VERSION, COLLECTION_ITEM.VERSION.plus(1)).set(COLLECTION_ITEM.UPDATED_AT, now)
                .where(COLLECTION_ITEM.ID.eq(item.id())).execute();
        changeLog.record(actor, reason, ITEM_ENTITY, item.id(), ChangeEntry.Operation.UPDATE,
                Map.of("dueOn", new FieldChange(text(item.dueOn()), text(dueOn))));
    }

    /** The highest invoice number with this prefix. */
    public Optional<String> highestInvoiceNumber(String prefix) {
        return dsl.select(INVOICE.INVOICE_NO).from(INVOICE).where(INVOICE.INVOICE_NO.startsWith(prefix))
                .orderBy(DSL.charLength(INVOICE.INVOICE_NO).desc(), INVOICE.INVOICE_NO.desc()).limit(1)
                .fetchOptional(INVOICE.INVOICE_NO);
    }

    /**
     * Records an invoice and adds it to the item's invoiced amount (the caller locked the item and
     * checked the amount fits).
     *
     * @throws DocumentNumbers.Taken if another writer took the number meanwhile
     */
    public Invoice insertInvoice(Actor actor, ChangeReason reason, CollectionItem item, String invoiceNo,
                                 BigDecimal amount, LocalDate issuedOn) {
        UUID id = Ids.newId(clock);
        OffsetDateTime now = Rows.now(clock);
        try {
            dsl.insertInto(INVOICE).set(INVOICE.ID, id).set(INVOICE.INVOICE_NO, invoiceNo)
                    .set(INVOICE.CONTRACT_ID, item.contractId()).set(INVOICE.COLLECTION_ITEM_ID, item.id())
                    .set(INVOICE.AMOUNT, amount).set(INVOICE.ISSUED_ON, issuedOn).set(INVOICE.CREATED_AT, now)
                    .set(INVOICE.CREATED_BY, Rows.userId(actor)).execute();
        } catch (DataAccessException e) {
            if (ContractRepository.isUniqueViolation(e, "UQ_INVOICE_NO")) {
                throw new DocumentNumbers.Taken(invoiceNo, e);
            }
            throw e;
        }
        BigDecimal invoiced = item.invoiced().add(amount);
        dsl.update(COLLECTION_ITEM).set(COLLECTION_ITEM.INVOICED, invoiced)
                .set(COLLECTION_ITEM.VERSION, COLLECTION_ITEM.VERSION.plus(1)).set(COLLECTION_ITEM.UPDATED_AT, now)
                .where(COLLECTION_ITEM.ID.eq(item.id())).execute();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("invoiceNo", invoiceNo);
        after.put("collectionItemId", item.id());
        after.put("amount", amount);
        after.put("issuedOn", issuedOn);
        changeLog.recordAll(actor, reason, List.of(
                new ChangeLog.Pending(INVOICE_ENTITY, id, ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), after)),
                new ChangeLog.Pending(ITEM_ENTITY, item.id(), ChangeEntry.Operation.UPDATE,
                        Map.of("invoiced", new FieldChange(text(item.invoiced()), text(invoiced))))));
        return new Invoice(id, invoiceNo, item.contractId(), item.id(), amount, issuedOn);
    }

    /**
     * Records a payment and adds it to the item's collected amount (the caller locked the item and
     * checked the amount fits).
     */
    public Payment insertPayment(Actor actor, ChangeReason reason, CollectionItem item, BigDecimal amount,
                                 LocalDate receivedOn, String reference) {
        UUID id = Ids.newId(clock);
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(PAYMENT).set(PAYMENT.ID, id).set(PAYMENT.COLLECTION_ITEM_ID, item.id())
                .set(PAYMENT.AMOUNT, amount).set(PAYMENT.RECEIVED_ON, receivedOn).set(PAYMENT.REFERENCE, reference)
                .set(PAYMENT.CREATED_AT, now).set(PAYMENT.CREATED_BY, Rows.userId(actor)).execute();
        BigDecimal collected = item.collected().add(amount);
        dsl.update(COLLECTION_ITEM).set(COLLECTION_ITEM.COLLECTED, collected)
                .set(COLLECTION_ITEM.VERSION, COLLECTION_ITEM.VERSION.plus(1)).set(COLLECTION_ITEM.UPDATED_AT, now)
                .where(COLLECTION_ITEM.ID.eq(item.id())).execute();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("collectionItemId", item.id());
        after.put("amount", amount);
        after.put("receivedOn", receivedOn);
        after.put("reference", reference);
        changeLog.recordAll(actor, reason, List.of(
                new ChangeLog.Pending(PAYMENT_ENTITY, id, ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), after)),
                new ChangeLog.Pending(ITEM_ENTITY, item.id(), ChangeEntry.Operation.UPDATE,
                        Map.of("collected", new FieldChange(text(item.collected()), text(collected))))));
        return new Payment(id, item.id(), amount, receivedOn, reference);
    }

    /** The contract's invoices, oldest first. */
    public List<Invoice> invoices(UUID contractId) {
        return dsl.selectFrom(INVOICE).where(INVOICE.CONTRACT_ID.eq(contractId))
                .orderBy(INVOICE.ISSUED_ON, INVOICE.INVOICE_NO)
                .fetch(r -> new Invoice(r.getId(), r.getInvoiceNo(), r.getContractId(), r.getCollectionItemId(),
                        r.getAmount(), r.getIssuedOn()));
    }

    /** The payments on the contract's schedule, oldest first. */
    public List<Payment> payments(UUID contractId) {
        return dsl.select(PAYMENT.fields()).from(PAYMENT).join(COLLECTION_ITEM)
                .on(COLLECTION_ITEM.ID.eq(PAYMENT.COLLECTION_ITEM_ID))
                .where(COLLECTION_ITEM.CONTRACT_ID.eq(contractId))
                .orderBy(PAYMENT.RECEIVED_ON, PAYMENT.CREATED_AT, PAYMENT.ID)
                .fetch(r -> new Payment(r.get(PAYMENT.ID), r.get(PAYMENT.COLLECTION_ITEM_ID), r.get(PAYMENT.AMOUNT),
                        r.get(PAYMENT.RECEIVED_ON), r.get(PAYMENT.REFERENCE)));
    }

    /** What is still to be collected on the contract's schedule. */
    public BigDecimal openAmount(UUID contractId) {
        BigDecimal open = dsl.select(DSL.sum(COLLECTION_ITEM.AMOUNT.minus(COLLECTION_ITEM.COLLECTED)))
                .from(COLLECTION_ITEM).where(COLLECTION_ITEM.CONTRACT_ID.eq(contractId)).fetchOne(0, BigDecimal.class);
        return open == null ? BigDecimal.ZERO : open;
    }

    /** What has been collected on the contract's schedule. */
    public BigDecimal collectedAmount(UUID contractId) {
        BigDecimal collected = dsl.select(DSL.sum(COLLECTION_ITEM.COLLECTED)).from(COLLECTION_ITEM)
                .where(COLLECTION_ITEM.CONTRACT_ID.eq(contractId)).fetchOne(0, BigDecimal.class);
        return collected == null ? BigDecimal.ZERO : collected;
    }

    // ------------------------------------------------------------------ receivables

    /** Grouping of the ageing report. */
    enum By {
        TOTAL, CUSTOMER, OWNER
    }

    /**
     * Open receivables of live contracts the viewer sees, per bucket, grouped as asked.
     *
     * <p>It reads the item table alone (the contract's customer, owner and status are copied onto
     * each item). The database sums per due date, or per owner and due date, and the buckets are
     * added here ({@link AgeingTally}); per customer, whose groups are nearly as many as the items,
     * the items are handed over and grouped in a hash map: HSQLDB groups through a sorted tree
     * whose UUID comparisons cost more than reading the rows. Names are read for the groups only.
     */
    List<AgeingLine> ageing(Actor viewer, LocalDate today, By by) {
        Field<BigDecimal> open = COLLECTION_ITEM.AMOUNT.minus(COLLECTION_ITEM.COLLECTED);
        Field<LocalDate> due = COLLECTION_ITEM.DUE_ON;
        Condition where = receivable(viewer);
        if (by == By.TOTAL) {
            AgeingTally total = new AgeingTally(today);
            dsl.select(due, DSL.sum(open)).from(COLLECTION_ITEM).where(where).groupBy(due)
                    .forEach(r -> total.add(r.value1(), r.value2()));
            return List.of(new AgeingLine(null, null, total.ageing()));
        }
        Map<UUID, AgeingTally> groups = new HashMap<>();
        if (by == By.OWNER) {
            dsl.select(COLLECTION_ITEM.OWNER_ID, due, DSL.sum(open)).from(COLLECTION_ITEM).where(where)
                    .groupBy(COLLECTION_ITEM.OWNER_ID, due)
                    .forEach(r -> groups.computeIfAbsent(r.value1(), k -> new AgeingTally(today)).add(r.value2(),
                            r.value3()));
        } else {
            try (var items = dsl.select(COLLECTION_ITEM.CUSTOMER_ID, due, open).from(COLLECTION_ITEM).where(where)
                    .fetchSize(5_000).fetchLazy()) {
                items.forEach(r -> groups.computeIfAbsent(r.value1(), k -> new AgeingTally(today)).add(r.value2(),
                        r.value3()));
            }
        }
        Map<UUID, String> names = by == By.CUSTOMER
                ? dsl.select(CUSTOMER.ID, CUSTOMER.NAME).from(CUSTOMER)
                        .where(CUSTOMER.ID.in(DSL.selectDistinct(COLLECTION_ITEM.CUSTOMER_ID).from(COLLECTION_ITEM)
                                .where(where)))
                        .fetchMap(CUSTOMER.ID, CUSTOMER.NAME)
                : dsl.select(APP_USER.ID, APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.ID.in(groups.keySet()))
                        .fetchMap(APP_USER.ID, APP_USER.DISPLAY_NAME);
        List<AgeingLine> lines = new ArrayList<>(groups.size());
        groups.forEach((id, tally) -> lines.add(new AgeingLine(id, names.getOrDefault(id, ""), tally.ageing())));
        lines.sort(Comparator.comparing(AgeingLine::name).thenComparing(AgeingLine::id));
        return lines;
    }

    /** Overdue items of live contracts the viewer sees, longest overdue first. */
    List<OverdueItem> overdue(Actor viewer, LocalDate today, int limit) {
        return selectOverdue().where(receivable(viewer), COLLECTION_ITEM.DUE_ON.lt(today))
                .orderBy(COLLECTION_ITEM.DUE_ON, CONTRACT.CONTRACT_NO, COLLECTION_ITEM.SEQ).limit(limit)
                .fetch(r -> toOverdue(r, today));
    }

    /** Items overdue since {@code dueBefore} or longer that were never escalated, oldest first. */
    List<OverdueItem> unescalated(LocalDate today, LocalDate dueBefore, int limit) {
        return selectOverdue().where(receivable(null), COLLECTION_ITEM.DUE_ON.lt(dueBefore),
                        COLLECTION_ITEM.ESCALATED_AT.isNull())
                .orderBy(COLLECTION_ITEM.DUE_ON, COLLECTION_ITEM.ID).limit(limit)
                .fetch(r -> toOverdue(r, today));
    }

    /** Stamps the item escalated; false if another run stamped it first. */
    boolean markEscalated(UUID itemId, OffsetDateTime at) {
        return dsl.update(COLLECTION_ITEM).set(COLLECTION_ITEM.ESCALATED_AT, at)
                .where(COLLECTION_ITEM.ID.eq(itemId), COLLECTION_ITEM.ESCALATED_AT.isNull()).execute() == 1;
    }

    /** The owner's manager, who works the supervisor board; null if none. */
    UUID managerOf(UUID userId) {
        return dsl.select(APP_USER.MANAGER_ID).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.MANAGER_ID).orElse(null);
    }

    /** Items of live contracts with money still open, of the owners the viewer sees (all if null). */
    private static Condition receivable(Actor viewer) {
        Condition c = COLLECTION_ITEM.CONTRACT_STATUS.in(LIVE)
                .and(COLLECTION_ITEM.DUE_ON.isNotNull())
                .and(COLLECTION_ITEM.COLLECTED.lt(COLLECTION_ITEM.AMOUNT));
        return viewer == null ? c : c.and(Visibility.ownedBy(COLLECTION_ITEM.OWNER_ID, viewer));
    }

    private SelectOnConditionStep<Record> selectOverdue() {
        return dsl.select(List.<Field<?>>of(COLLECTION_ITEM.ID, COLLECTION_ITEM.CONTRACT_ID, CONTRACT.CONTRACT_NO, CONTRACT.CUSTOMER_ID,
                        CUSTOMER.NAME, CONTRACT.OWNER_ID, APP_USER.DISPLAY_NAME, COLLECTION_ITEM.MILESTONE,
                        COLLECTION_ITEM.DUE_ON, COLLECTION_ITEM.AMOUNT, COLLECTION_ITEM.COLLECTED))
                .from(COLLECTION_ITEM)
                .join(CONTRACT).on(CONTRACT.ID.eq(COLLECTION_ITEM.CONTRACT_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(CONTRACT.CUSTOMER_ID))
                .join(APP_USER).on(APP_USER.ID.eq(CONTRACT.OWNER_ID));
    }

    private static OverdueItem toOverdue(Record r, LocalDate today) {
        LocalDate due = r.get(COLLECTION_ITEM.DUE_ON);
        return new OverdueItem(r.get(COLLECTION_ITEM.ID), r.get(COLLECTION_ITEM.CONTRACT_ID), r.get(CONTRACT.CONTRACT_NO),
                r.get(CONTRACT.CUSTOMER_ID), r.get(CUSTOMER.NAME), r.get(CONTRACT.OWNER_ID),
                r.get(APP_USER.DISPLAY_NAME), Milestone.valueOf(r.get(COLLECTION_ITEM.MILESTONE)), due,
                r.get(COLLECTION_ITEM.AMOUNT).subtract(r.get(COLLECTION_ITEM.COLLECTED)),
                ChronoUnit.DAYS.between(due, today));
    }

    private SelectOnConditionStep<Record> selectItems() {
        return dsl.select(COLLECTION_ITEM.fields()).select(CONTRACT.CONTRACT_NO, CONTRACT.CUSTOMER_ID, CUSTOMER.NAME,
                        CONTRACT.OWNER_ID)
                .from(COLLECTION_ITEM)
                .join(CONTRACT).on(CONTRACT.ID.eq(COLLECTION_ITEM.CONTRACT_ID))
                .join(CUSTOMER).on(CUSTOMER.ID.eq(CONTRACT.CUSTOMER_ID));
    }

    private static CollectionItem toItem(Record r) {
        return new CollectionItem(r.get(COLLECTION_ITEM.ID), r.get(COLLECTION_ITEM.CONTRACT_ID),
                r.get(CONTRACT.CONTRACT_NO), r.get(CONTRACT.CUSTOMER_ID), r.get(CUSTOMER.NAME), r.get(CONTRACT.OWNER_ID),
                r.get(COLLECTION_ITEM.SEQ), Milestone.valueOf(r.get(COLLECTION_ITEM.MILESTONE)),
                r.get(COLLECTION_ITEM.AMOUNT), r.get(COLLECTION_ITEM.DUE_ON), r.get(COLLECTION_ITEM.INVOICED),
                r.get(COLLECTION_ITEM.COLLECTED), r.get(COLLECTION_ITEM.ESCALATED_AT), r.get(COLLECTION_ITEM.VERSION));
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return value == null ? null : value.toString();
    }
}
