package io.salesdesk.commerce.collection;

import io.salesdesk.commerce.contract.Contract;
import io.salesdesk.commerce.contract.ContractRepository;
import io.salesdesk.commerce.contract.ContractStatus;
import io.salesdesk.commerce.contract.DocumentNumbers;
import io.salesdesk.commerce.contract.Milestone;
import io.salesdesk.commerce.contract.PaymentTerm;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.Configuration;

/**
 * Collections (回款) of signed contracts: the schedule signing created, the milestones that make
 * its items due, invoices and payments against each item, and the receivables finance watches —
 * ageing per bucket and the overdue list, computed in the database as of today in business time.
 * Each call is one transaction.
 */
public final class CollectionService {

    /** Most overdue items a list loads. */
    public static final int OVERDUE_LIMIT = 2000;
    private static final int REFERENCE_MAX = 100;

    private final Database db;
    private final Clock clock;

    public CollectionService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The contract's collection schedule in order; empty before signing or if the viewer may not see it. */
    public List<CollectionItem> schedule(Actor viewer, UUID contractId) {
        return db.transactionResult(cfg -> visible(cfg, viewer, contractId) == null ? List.<CollectionItem>of()
                : items(cfg).items(contractId));
    }

    /** The contract's invoices, oldest first. */
    public List<Invoice> invoices(Actor viewer, UUID contractId) {
        return db.transactionResult(cfg -> visible(cfg, viewer, contractId) == null ? List.<Invoice>of()
                : items(cfg).invoices(contractId));
    }

    /** The payments received on the contract, oldest first. */
    public List<Payment> payments(Actor viewer, UUID contractId) {
        return db.transactionResult(cfg -> visible(cfg, viewer, contractId) == null ? List.<Payment>of()
                : items(cfg).payments(contractId));
    }

    /**
     * Records that delivery or acceptance happened on {@code date}: the items waiting for it fall due
     * that many days later, and delivery moves a signed contract to EXECUTING.
     *
     * @throws SalesDeskException {@code collection.milestone.signing} for SIGNING (signing sets it),
     *                            {@code collection.contract.notLive} unless signed or executing,
     *                            {@code collection.milestone.recorded} if it was recorded already
     */
    public List<CollectionItem> recordMilestone(Actor actor, UUID contractId, Milestone milestone, LocalDate date) {
        Objects.requireNonNull(milestone, "milestone");
        if (milestone == Milestone.SIGNING) {
            throw new SalesDeskException("collection.milestone.signing");
        }
        requireDate(date, "date");
        return db.transactionResult(cfg -> {
            ContractRepository contracts = ContractRepository.using(cfg, clock);
            Contract contract = contracts.find(actor, contractId)
                    .orElseThrow(() -> new SalesDeskException("contract.notFound"));
            requireLive(contract);
            CollectionRepository items = items(cfg);
            List<CollectionItem> waiting = items.items(contractId).stream()
                    .filter(i -> i.milestone() == milestone).toList();
            if (waiting.stream().anyMatch(i -> i.dueOn() != null)) {
                throw new SalesDeskException("collection.milestone.recorded", contract.contractNo(), milestone.name());
            }
            ChangeReason reason = ChangeReason.of(ChangeReason.Kind.USER, milestone.name() + " " + date);
            for (CollectionItem item : waiting) {
                PaymentTerm term = contract.paymentTerms().get(item.seq() - 1);
                items.setDueOn(actor, reason, item, date.plusDays(term.dueDays()));
            }
            if (milestone == Milestone.DELIVERY && contract.status() == ContractStatus.SIGNED) {
                contracts.update(actor, reason, contractId, contract.version(),
                        ContractRepository.Fields.of(contract).withStatus(ContractStatus.EXECUTING, contract.signedOn(),
                                null), null);
            }
            return items.items(contractId);
        });
    }

    /**
     * Issues an invoice against a collection item, numbered FP-year-NNNNN; what is invoiced on an
     * item never exceeds its amount.
     *
     * @throws ValidationException {@code collection.invoice.exceeds} naming what may still be invoiced,
     *                             or a refused amount or date
     * @throws SalesDeskException  {@code collection.item.notFound}, {@code collection.contract.notLive}
     */
    public Invoice issueInvoice(Actor actor, UUID collectionItemId, BigDecimal amount, LocalDate issuedOn) {
        BigDecimal valid = requireAmount(amount);
        requireDate(issuedOn, "issuedOn");
        for (int attempt = 1; ; attempt++) {
            try {
                return db.transactionResult(cfg -> {
                    CollectionRepository items = items(cfg);
                    CollectionItem item = lockedItem(cfg, actor, collectionItemId);
                    if (valid.compareTo(item.uninvoiced()) > 0) {
                        throw new ValidationException(List.of(FieldProblem.of("amount", "collection.invoice.exceeds",
                                valid.toPlainString(), item.uninvoiced().toPlainString())));
                    }
                    String prefix = DocumentNumbers.prefix("FP", BusinessTime.today(clock).getYear());
                    String number = DocumentNumbers.next(prefix, items.highestInvoiceNumber(prefix), 5);
                    return items.insertInvoice(actor, ChangeReason.user(), item, number, valid, issuedOn);
                });
            } catch (DocumentNumbers.Taken taken) {
                if (attempt >= DocumentNumbers.ATTEMPTS) {
                    throw new SalesDeskException(taken, "contract.number.busy");
                }
            }
        }
    }

    /**
     * Records money received against a collection item; part of the open amount is fine, more is
     * refused.
     *
     * @throws ValidationException {@code collection.payment.exceedsOpen} naming the open amount, or a
     *                             refused amount, date or reference
     * @throws SalesDeskException  {@code collection.item.notFound}, {@code collection.contract.notLive}
     */
    public Payment recordPayment(Actor actor, UUID collectionItemId, BigDecimal amount, LocalDate receivedOn,
                                 String reference) {
        BigDecimal valid = requireAmount(amount);
        requireDate(receivedOn, "receivedOn");
        if (receivedOn.isAfter(BusinessTime.today(clock))) {
            throw new ValidationException(List.of(FieldProblem.of("receivedOn", "collection.date.future",
                    receivedOn.toString())));
        }
        String ref = Rows.blankToNull(reference);
        if (ref != null && ref.length() > REFERENCE_MAX) {
            throw new ValidationException(List.of(FieldProblem.of("reference", "collection.reference.tooLong",
                    REFERENCE_MAX)));
        }
        return db.transactionResult(cfg -> {
            CollectionItem item = lockedItem(cfg, actor, collectionItemId);
            if (valid.compareTo(item.open()) > 0) {
                throw new ValidationException(List.of(FieldProblem.of("amount", "collection.payment.exceedsOpen",
                        valid.toPlainString(), item.open().toPlainString(), item.contractNo())));
            }
            return items(cfg).insertPayment(actor, ChangeReason.user(), item, valid, receivedOn, ref);
        });
    }

    /** Ageing of all open receivables the viewer sees. */
    public Ageing ageing(Actor viewer) {
        return db.transactionResult(cfg -> items(cfg).ageing(viewer, today(), CollectionRepository.By.TOTAL)
                .get(0).ageing());
    }

    /** Ageing per customer, by customer name. */
    public List<AgeingLine> ageingByCustomer(Actor viewer) {
        return db.transactionResult(cfg -> items(cfg).ageing(viewer, today(), CollectionRepository.By.CUSTOMER));
    }

    /** Ageing per contract owner, by name. */
    public List<AgeingLine> ageingByOwner(Actor viewer) {
        return db.transactionResult(cfg -> items(cfg).ageing(viewer, today(), CollectionRepository.By.OWNER));
    }

    /** Items past their due date and not fully paid, longest overdue first, at most {@link #OVERDUE_LIMIT}. */
    public List<OverdueItem> overdue(Actor viewer) {
        return db.transactionResult(cfg -> items(cfg).overdue(viewer, today(), OVERDUE_LIMIT));
    }

    private LocalDate today() {
        return BusinessTime.today(clock);
    }

    private CollectionItem lockedItem(Configuration cfg, Actor actor, UUID itemId) {
        CollectionItem item = items(cfg).lockItem(itemId)
                .orElseThrow(() -> new SalesDeskException("collection.item.notFound"));
        Contract contract = visible(cfg, actor, item.contractId());
        if (contract == null) {
            throw new SalesDeskException("collection.item.notFound");
        }
        requireLive(contract);
        return item;
    }

    private Contract visible(Configuration cfg, Actor viewer, UUID contractId) {
        return ContractRepository.using(cfg, clock).find(viewer, contractId).orElse(null);
    }

    private static void requireLive(Contract contract) {
        if (!contract.status().isLive()) {
            throw new SalesDeskException("collection.contract.notLive", contract.contractNo(), contract.status().name());
        }
    }

    private static BigDecimal requireAmount(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new ValidationException(List.of(FieldProblem.of("amount", "collection.amount.notPositive",
                    amount == null ? "" : amount.toPlainString())));
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new ValidationException(List.of(FieldProblem.of("amount", "collection.amount.fen",
                    amount.toPlainString())));
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static void requireDate(LocalDate date, String field) {
        if (date == null) {
            throw new ValidationException(List.of(FieldProblem.of(field, "collection.date.required")));
        }
    }

    private CollectionRepository items(Configuration cfg) {
        return CollectionRepository.using(cfg, clock);
    }
}
