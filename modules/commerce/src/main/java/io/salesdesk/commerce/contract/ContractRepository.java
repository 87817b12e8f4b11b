package io.salesdesk.commerce.contract;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.COLLECTION_ITEM;
import static io.salesdesk.db.jooq.Tables.CONTRACT;
import static io.salesdesk.db.jooq.Tables.CONTRACT_ATTACHMENT;
import static io.salesdesk.db.jooq.Tables.CONTRACT_PAYMENT_TERM;
import static io.salesdesk.db.jooq.Tables.CUSTOMER;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY;
import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_STAGE;
import static io.salesdesk.db.jooq.Tables.QUOTE;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.crm.Visibility;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import io.salesdesk.db.Rows;
import io.salesdesk.db.custom.CustomValueConditions;
import io.salesdesk.db.custom.CustomValueFilter;
import io.salesdesk.workflow.approval.ContractKpiDayRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Contracts, their payment terms and attachments in the database; reads the won deal or the quote
 * a contract is made from. Reads for a viewer apply {@link Visibility} by contract owner; every
 * change bumps the version and writes one audit entry.
 */
public final class ContractRepository {

    public static final String ENTITY = "contract";
    static final String ATTACHMENT_ENTITY = "contract_attachment";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private ContractRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static ContractRepository using(Configuration configuration, Clock clock) {
        return new ContractRepository(configuration, clock);
    }

    /**
     * The fields of a contract row that services change.
     *
     * @param status     where it stands
     * @param signedOn   sign date or null
     * @param voidReason why it was voided or null
     */
    public record Fields(String title, UUID customerId, UUID opportunityId, UUID quoteId, UUID ownerId,
                         String ourParty, String theirParty, BigDecimal amount, String terms, ContractStatus status,
                         LocalDate signedOn, String voidReason) {

        public Fields withStatus(ContractStatus next, LocalDate signed, String reason) {
            return new Fields(title, customerId, opportunityId, quoteId, ownerId, ourParty, theirParty, amount, terms,
                    next, signed, reason);
        }

        public Fields withDraft(String newTitle, UUID newCustomer, UUID newOwner, String newOurParty,
                                String newTheirParty, BigDecimal newAmount, String newTerms) {
            return new Fields(newTitle, newCustomer, opportunityId, quoteId, newOwner, newOurParty, newTheirParty,
                    newAmount, newTerms, status, signedOn, voidReason);
        }

        public static Fields of(Contract c) {
            return new Fields(c.title(), c.customerId(), c.opportunityId(), c.quoteId(), c.ownerId(), c.ourParty(),
                    c.theirParty(), c.amount(), c.terms(), c.status(), c.signedOn(), c.voidReason());
        }
    }

    /** A won deal a contract can be made from. */
    public record WonDeal(UUID opportunityId, String name, UUID customerId, String customerName, UUID ownerId,
                          BigDecimal amount, boolean won) {
    }

    /** A quote a contract can be made from: its customer, owner and net total. */
    public record QuoteSource(UUID quoteId, String quoteNo, UUID opportunityId, UUID customerId, String customerName,
                              UUID ownerId, BigDecimal totalNet, String status) {
    }

    /** The live contract if the viewer may see it. */
    public Optional<Contract> find(Actor viewer, UUID id) {
        return select().where(CONTRACT.ID.eq(id), CONTRACT.DELETED_AT.isNull(),
                Visibility.ownedBy(CONTRACT.OWNER_ID, viewer)).fetchOptional(this::toContract);
    }

    /** The live contract regardless of who looks (rules and the services' own checks). */
    public Optional<Contract> findAny(UUID id) {
        return select().where(CONTRACT.ID.eq(id), CONTRACT.DELETED_AT.isNull()).fetchOptional(this::toContract);
    }

    /** Whether the contract exists, live or not. */
    public boolean exists(UUID id) {
        return dsl.fetchExists(CONTRACT, CONTRACT.ID.eq(id));
    }

    /**
     * The viewer's contracts, newest first.
     *
     * @param status     only this status, or null for all
     * @param customerId only this customer's, or null for all
     */
    public List<Contract> list(Actor viewer, ContractStatus status, UUID customerId, int limit) {
        return list(viewer, status, customerId, List.of(), limit);
    }

    /** As {@link #list(Actor, ContractStatus, UUID, int)}, with conditions on the company's own contract fields. */
    public List<Contract> list(Actor viewer, ContractStatus status, UUID customerId, List<CustomValueFilter> custom,
                               int limit) {
        Condition where = CONTRACT.DELETED_AT.isNull().and(Visibility.ownedBy(CONTRACT.OWNER_ID, viewer));
        if (!custom.isEmpty()) {
            where = where.and(CustomValueConditions.matchAll(CONTRACT.ID, custom));
        }
        if (status != null) {
            where = where.and(CONTRACT.STATUS.eq(status.name()));
        }
        if (customerId != null) {
            where = where.and(CONTRACT.CUSTOMER_ID.eq(customerId));
        }
        return select().where(where).orderBy(CONTRACT.CREATED_AT.desc(), CONTRACT.ID.desc()).limit(limit)
                .fetch(this::toContract);
    }

    /** The contract's payment terms in order. */
    public List<PaymentTerm> terms(UUID contractId) {
        return dsl.selectFrom(CONTRACT_PAYMENT_TERM).where(CONTRACT_PAYMENT_TERM.CONTRACT_ID.eq(contractId))
                .orderBy(CONTRACT_PAYMENT_TERM.SEQ)
                .fetch(r -> new PaymentTerm(Milestone.valueOf(r.getMilestone()), r.getSharePct(), r.getDueDays()));
    }

    /** The highest contract number with this prefix, e.g. of this year. */
    public Optional<String> highestNumber(String prefix) {
        return dsl.select(CONTRACT.CONTRACT_NO).from(CONTRACT).where(CONTRACT.CONTRACT_NO.startsWith(prefix))
                .orderBy(DSL.charLength(CONTRACT.CONTRACT_NO).desc(), CONTRACT.CONTRACT_NO.desc()).limit(1)
                .fetchOptional(CONTRACT.CONTRACT_NO);
    }

    /**
     * Inserts a contract with its payment terms and one audit entry.
     *
     * @throws DocumentNumbers.Taken if another writer took the number meanwhile
     */
    public void insert(Actor actor, ChangeReason reason, UUID id, String contractNo, Fields f, List<PaymentTerm> terms) {
        OffsetDateTime now = Rows.now(clock);
        try {
            dsl.insertInto(CONTRACT)
                    .set(CONTRACT.ID, id)
                    .set(CONTRACT.CONTRACT_NO, contractNo)
                    .set(CONTRACT.TITLE, f.title())
                    .set(CONTRACT.CUSTOMER_ID, f.customerId())
                    .set(CONTRACT.OPPORTUNITY_ID, f.opportunityId())
                    .set(CONTRACT.QUOTE_ID, f.quoteId())
                    .set(CONTRACT.OWNER_ID, f.ownerId())
                    .set(CONTRACT.OUR_PARTY, f.ourParty())
                    .set(CONTRACT.THEIR_PARTY, f.theirParty())
                    .set(CONTRACT.AMOUNT, f.amount())
                    .set(CONTRACT.TERMS, f.terms())
                    .set(CONTRACT.STATUS, f.status().name())
                    .set(CONTRACT.SIGNED_ON, f.signedOn())
                    .set(CONTRACT.VOID_REASON, f.voidReason())
                    .set(CONTRACT.VERSION, 1L)
                    .set(CONTRACT.CREATED_AT, now)
                    .set(CONTRACT.CREATED_BY, Rows.userId(actor))
                    .set(CONTRACT.UPDATED_AT, now)
                    .set(CONTRACT.UPDATED_BY, Rows.userId(actor))
                    .execute();
        } catch (DataAccessException e) {
            if (isUniqueViolation(e, "UQ_CONTRACT_NO")) {
                throw new DocumentNumbers.Taken(contractNo, e);
            }
            throw e;
        }
        writeTerms(id, terms);
        ContractKpiDayRepository kpiDays = ContractKpiDayRepository.using(dsl.configuration());
        kpiDays.apply(ContractKpiDayRepository.Snapshot.EMPTY, kpiDays.of(List.of(id)));
        Map<String, Object> after = snapshot(f, terms);
        after.put("contractNo", contractNo);
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.INSERT, FieldChange.diff(Map.of(), after));
    }

    /**
     * Writes a change made on {@code expectedVersion}; a change of payment terms replaces them.
     *
     * @param terms the new payment terms, or null to keep them
     * @throws StaleRecordException if the contract changed or went away meanwhile
     */
    public Contract update(Actor actor, ChangeReason reason, UUID id, long expectedVersion, Fields f,
                           List<PaymentTerm> terms) {
        Contract current = findAny(id).orElseThrow(() -> stale(id, expectedVersion));
        if (current.version() != expectedVersion) {
            throw stale(id, expectedVersion);
        }
        List<PaymentTerm> newTerms = terms == null ? current.paymentTerms() : terms;
        Map<String, FieldChange> changes = FieldChange.diff(snapshot(Fields.of(current), current.paymentTerms()),
                snapshot(f, newTerms));
        if (changes.isEmpty()) {
            return current;
        }
        OffsetDateTime now = Rows.now(clock);
        // What the KPI roll-up counts of a contract: its status, signing day, amount and owner.
        boolean counted = f.status() != current.status() || !Objects.equals(f.signedOn(), current.signedOn())
                || !Objects.equals(f.amount(), current.amount()) || !f.ownerId().equals(current.ownerId());
        ContractKpiDayRepository kpiDays = ContractKpiDayRepository.using(dsl.configuration());
        ContractKpiDayRepository.Snapshot before = counted ? kpiDays.of(List.of(id)) : null;
        int updated = dsl.update(CONTRACT)
                .set(CONTRACT.TITLE, f.title())
                .set(CONTRACT.CUSTOMER_ID, f.customerId())
                .set(CONTRACT.OPPORTUNITY_ID, f.opportunityId())
                .set(CONTRACT.QUOTE_ID, f.quoteId())
                .set(CONTRACT.OWNER_ID, f.ownerId())
                .set(CONTRACT.OUR_PARTY, f.ourParty())
                .set(CONTRACT.THEIR_PARTY, f.theirParty())
                .set(CONTRACT.AMOUNT, f.amount())
                .set(CONTRACT.TERMS, f.terms())
                .set(CONTRACT.STATUS, f.status().name())
                .set(CONTRACT.SIGNED_ON, f.signedOn())
                .set(CONTRACT.VOID_REASON, f.voidReason())
                .set(CONTRACT.VERSION, expectedVersion + 1)
                .set(CONTRACT.UPDATED_AT, now)
                .set(CONTRACT.UPDATED_BY, Rows.userId(actor))
                .where(CONTRACT.ID.eq(id), CONTRACT.VERSION.eq(expectedVersion), CONTRACT.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            throw stale(id, expectedVersion);
        }
        if (counted) {
            kpiDays.apply(before, kpiDays.of(List.of(id)));
        }
        if (terms != null && !terms.equals(current.paymentTerms())) {
            dsl.deleteFrom(CONTRACT_PAYMENT_TERM).where(CONTRACT_PAYMENT_TERM.CONTRACT_ID.eq(id)).execute();
            writeTerms(id, terms);
        }
        if (!f.customerId().equals(current.customerId()) || !f.ownerId().equals(current.ownerId())
                || f.status() != current.status()) {
            // The collection items carry copies of these for the ageing report (see V6__commerce.sql).
            dsl.update(COLLECTION_ITEM).set(COLLECTION_ITEM.CUSTOMER_ID, f.customerId())
                    .set(COLLECTION_ITEM.OWNER_ID, f.ownerId()).set(COLLECTION_ITEM.CONTRACT_STATUS, f.status().name())
                    .where(COLLECTION_ITEM.CONTRACT_ID.eq(id)).execute();
        }
        changeLog.record(actor, reason, ENTITY, id, ChangeEntry.Operation.UPDATE, changes);
        return findAny(id).orElseThrow();
    }

    /** The deal with its customer, owner, amount and whether its stage is a won one. */
    public Optional<WonDeal> deal(UUID opportunityId) {
        return dsl.select(OPPORTUNITY.ID, OPPORTUNITY.NAME, OPPORTUNITY.CUSTOMER_ID, CUSTOMER.NAME, OPPORTUNITY.OWNER_ID,
                        OPPORTUNITY.AMOUNT, OPPORTUNITY_STAGE.OUTCOME)
                .from(OPPORTUNITY).join(CUSTOMER).on(CUSTOMER.ID.eq(OPPORTUNITY.CUSTOMER_ID))
                .join(OPPORTUNITY_STAGE).on(OPPORTUNITY_STAGE.CODE.eq(OPPORTUNITY.STAGE))
                .where(OPPORTUNITY.ID.eq(opportunityId), OPPORTUNITY.DELETED_AT.isNull())
                .fetchOptional(r -> new WonDeal(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        "WON".equals(r.value7())));
    }

    /** The live quote with its customer, owner and net total. */
    public Optional<QuoteSource> quote(UUID quoteId) {
        return dsl.select(QUOTE.ID, QUOTE.QUOTE_NO, QUOTE.OPPORTUNITY_ID, QUOTE.CUSTOMER_ID, CUSTOMER.NAME,
                        QUOTE.OWNER_ID, QUOTE.TOTAL_NET, QUOTE.STATUS)
                .from(QUOTE).join(CUSTOMER).on(CUSTOMER.ID.eq(QUOTE.CUSTOMER_ID))
                .where(QUOTE.ID.eq(quoteId), QUOTE.DELETED_AT.isNull())
                .fetchOptional(r -> new QuoteSource(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
    }

    /** The number of the live contract made from the quote, void ones aside. */
    public Optional<String> contractOfQuote(UUID quoteId) {
        return dsl.select(CONTRACT.CONTRACT_NO).from(CONTRACT)
                .where(CONTRACT.QUOTE_ID.eq(quoteId), CONTRACT.DELETED_AT.isNull(),
                        CONTRACT.STATUS.ne(ContractStatus.VOID.name()))
                .limit(1).fetchOptional(CONTRACT.CONTRACT_NO);
    }

    /** The name of a live customer. */
    public Optional<String> customerName(UUID customerId) {
        return dsl.select(CUSTOMER.NAME).from(CUSTOMER).where(CUSTOMER.ID.eq(customerId), CUSTOMER.DELETED_AT.isNull())
                .fetchOptional(CUSTOMER.NAME);
    }

    // ------------------------------------------------------------------ attachments

    public void insertAttachment(Actor actor, ChangeReason reason, ContractAttachment a) {
        dsl.insertInto(CONTRACT_ATTACHMENT)
                .set(CONTRACT_ATTACHMENT.ID, a.id())
                .set(CONTRACT_ATTACHMENT.CONTRACT_ID, a.contractId())
                .set(CONTRACT_ATTACHMENT.FILE_NAME, a.fileName())
                .set(CONTRACT_ATTACHMENT.STORED_PATH, a.storedPath())
                .set(CONTRACT_ATTACHMENT.SIZE_BYTES, a.sizeBytes())
                .set(CONTRACT_ATTACHMENT.SHA256, a.sha256())
                .set(CONTRACT_ATTACHMENT.ADDED_AT, a.addedAt())
                .set(CONTRACT_ATTACHMENT.ADDED_BY, a.addedBy())
                .execute();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("contractId", a.contractId());
        after.put("fileName", a.fileName());
        after.put("sizeBytes", a.sizeBytes());
        after.put("sha256", a.sha256());
        changeLog.record(actor, reason, ATTACHMENT_ENTITY, a.id(), ChangeEntry.Operation.INSERT,
                FieldChange.diff(Map.of(), after));
    }

    /** The contract's live attachments, oldest first. */
    public List<ContractAttachment> attachments(UUID contractId) {
        return dsl.selectFrom(CONTRACT_ATTACHMENT)
                .where(CONTRACT_ATTACHMENT.CONTRACT_ID.eq(contractId), CONTRACT_ATTACHMENT.DELETED_AT.isNull())
                .orderBy(CONTRACT_ATTACHMENT.ADDED_AT, CONTRACT_ATTACHMENT.ID)
                .fetch(r -> new ContractAttachment(r.getId(), r.getContractId(), r.getFileName(), r.getStoredPath(),
                        r.getSizeBytes(), r.getSha256(), r.getAddedAt(), r.getAddedBy()));
    }

    /** A live attachment. */
    public Optional<ContractAttachment> attachment(UUID id) {
        return dsl.selectFrom(CONTRACT_ATTACHMENT)
                .where(CONTRACT_ATTACHMENT.ID.eq(id), CONTRACT_ATTACHMENT.DELETED_AT.isNull())
                .fetchOptional(r -> new ContractAttachment(r.getId(), r.getContractId(), r.getFileName(),
                        r.getStoredPath(), r.getSizeBytes(), r.getSha256(), r.getAddedAt(), r.getAddedBy()));
    }

    /** Soft-deletes an attachment; false if it was gone already. The file stays, so undo and sync work. */
    public boolean deleteAttachment(Actor actor, ChangeReason reason, UUID id) {
        int deleted = dsl.update(CONTRACT_ATTACHMENT).set(CONTRACT_ATTACHMENT.DELETED_AT, Rows.now(clock))
                .where(CONTRACT_ATTACHMENT.ID.eq(id), CONTRACT_ATTACHMENT.DELETED_AT.isNull()).execute();
        if (deleted == 1) {
            changeLog.record(actor, reason, ATTACHMENT_ENTITY, id, ChangeEntry.Operation.DELETE, Map.of());
        }
        return deleted == 1;
    }

    /** Whether a database error is the given unique constraint refusing a duplicate. */
    public static boolean isUniqueViolation(DataAccessException e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toUpperCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private void writeTerms(UUID contractId, List<PaymentTerm> terms) {
        int seq = 1;
        for (PaymentTerm t : terms) {
            dsl.insertInto(CONTRACT_PAYMENT_TERM)
                    .set(CONTRACT_PAYMENT_TERM.CONTRACT_ID, contractId)
                    .set(CONTRACT_PAYMENT_TERM.SEQ, seq++)
                    .set(CONTRACT_PAYMENT_TERM.MILESTONE, t.milestone().name())
                    .set(CONTRACT_PAYMENT_TERM.SHARE_PCT, t.sharePct())
                    .set(CONTRACT_PAYMENT_TERM.DUE_DAYS, t.dueDays())
                    .execute();
        }
    }

    private StaleRecordException stale(UUID id, long expectedVersion) {
        return new StaleRecordException(ENTITY, id, expectedVersion, findAny(id).orElse(null));
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(CONTRACT.fields()).select(CUSTOMER.NAME, APP_USER.DISPLAY_NAME)
                .from(CONTRACT)
                .join(CUSTOMER).on(CUSTOMER.ID.eq(CONTRACT.CUSTOMER_ID))
                .join(APP_USER).on(APP_USER.ID.eq(CONTRACT.OWNER_ID));
    }

    private Contract toContract(Record r) {
        UUID id = r.get(CONTRACT.ID);
        return new Contract(id, r.get(CONTRACT.CONTRACT_NO), r.get(CONTRACT.TITLE), r.get(CONTRACT.CUSTOMER_ID),
                r.get(CUSTOMER.NAME), r.get(CONTRACT.OPPORTUNITY_ID), r.get(CONTRACT.QUOTE_ID), r.get(CONTRACT.OWNER_ID),
                r.get(APP_USER.DISPLAY_NAME), r.get(CONTRACT.OUR_PARTY), r.get(CONTRACT.THEIR_PARTY),
                r.get(CONTRACT.AMOUNT), r.get(CONTRACT.TERMS), ContractStatus.valueOf(r.get(CONTRACT.STATUS)),
                r.get(CONTRACT.SIGNED_ON), r.get(CONTRACT.VOID_REASON), terms(id), r.get(CONTRACT.VERSION),
                r.get(CONTRACT.CREATED_AT), r.get(CONTRACT.UPDATED_AT));
    }

    private static Map<String, Object> snapshot(Fields f, List<PaymentTerm> terms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", f.title());
        m.put("customerId", f.customerId());
        m.put("opportunityId", f.opportunityId());
        m.put("quoteId", f.quoteId());
        m.put("ownerId", f.ownerId());
        m.put("ourParty", f.ourParty());
        m.put("theirParty", f.theirParty());
        m.put("amount", f.amount());
        m.put("terms", f.terms());
        m.put("status", f.status());
        m.put("signedOn", f.signedOn());
        m.put("voidReason", f.voidReason());
        StringBuilder text = new StringBuilder();
        for (PaymentTerm t : terms) {
            text.append(text.length() == 0 ? "" : "; ").append(t.milestone()).append(' ')
                    .append(t.sharePct().stripTrailingZeros().toPlainString()).append("% +").append(t.dueDays())
                    .append('d');
        }
        m.put("paymentTerms", text.toString());
        return m;
    }
}
