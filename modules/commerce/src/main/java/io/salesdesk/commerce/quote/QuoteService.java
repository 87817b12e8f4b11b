package io.salesdesk.commerce.quote;

import io.salesdesk.commerce.CommerceException;
import io.salesdesk.commerce.CommerceSettings;
import io.salesdesk.commerce.Managers;
import io.salesdesk.commerce.freeze.OrderFreezeService;
import io.salesdesk.commerce.freeze.OrderFrozenException;
import io.salesdesk.commerce.product.Product;
import io.salesdesk.commerce.product.ProductRepository;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityRepository;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.workflow.approval.ApprovalRequest;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.ApprovalSubject;
import io.salesdesk.workflow.approval.ApprovalTrigger;
import io.salesdesk.workflow.approval.ApprovalTrigger.Field;
import io.salesdesk.workflow.approval.ApprovalTrigger.FieldType;
import io.salesdesk.workflow.approval.RequestStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.exception.DataAccessException;

/**
 * Quotes (报价单): numbered BJ-yyyy-nnnn per year, lines priced at list price unless given, with
 * discounts, totals, cost and margin in {@link BigDecimal} ({@link QuoteMath}). A discount off list
 * above {@code commerce.quoteDiscountApprovalPct} (15 % by default) needs a manager's approval
 * before the quote can be sent. When the workspace has an approval flow for quote discounts, the
 * flow decides instead: submitting (or sending a draft) starts its request when a branch applies,
 * the quote waits in NEEDS_APPROVAL and cannot be edited or sent, an approval makes it READY and a
 * rejection or recall returns it to DRAFT. A quote with a line in a category the customer's orders
 * are frozen in cannot be created or sent.
 */
public final class QuoteService {

    /** Days a quote holds when the form gives no date. */
    public static final int DEFAULT_VALID_DAYS = 30;
    static final int NOTE_MAX = 2000;
    static final int MAX_LINES = 500;
    /** The most quotes a list reads. */
    public static final int LIST_LIMIT = 2000;
    /**
     * Attempts at a free number when other writers take the next one first: each collision means
     * another quote got its number, so this bounds how many may be created at the same moment.
     */
    static final int NUMBER_ATTEMPTS = 20;
    private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999999999.99");

    /** What approval flows call a quote and its discount approval. */
    public static final String APPROVAL_ENTITY = "quote";
    public static final String APPROVAL_ACTION = "discount";
    /** What a quote flow's conditions and approvers can read (see {@link #approvalSubject}). */
    public static final ApprovalTrigger APPROVAL_TRIGGER = new ApprovalTrigger(APPROVAL_ENTITY, APPROVAL_ACTION,
            List.of(new Field("discountPct", FieldType.PERCENT), new Field("maxLineDiscountPct", FieldType.PERCENT),
                    new Field("amount", FieldType.MONEY), new Field("regionCode", FieldType.REGION),
                    new Field("ownerId", FieldType.USER), new Field("customerId", FieldType.TEXT)));

    private final Database db;
    private final Clock clock;
    private final OrderFreezeService freezes;
    private final ApprovalService approvals;

    /** Quotes whose discounts are approved by the threshold rule and a manager's click. */
    public QuoteService(Database db, Clock clock, OrderFreezeService freezes) {
        this(db, clock, freezes, null);
    }

    /**
     * Quotes whose discounts go through the workspace's quote flow when it has one (the threshold
     * rule otherwise).
     *
     * @param approvals the approval engine; null as in the constructor above
     */
    public QuoteService(Database db, Clock clock, OrderFreezeService freezes, ApprovalService approvals) {
        this.db = db;
        this.clock = clock;
        this.freezes = freezes;
        this.approvals = approvals;
        if (approvals != null) {
            approvals.onDecision(APPROVAL_ENTITY, this::approvalEnded);
            approvals.register(APPROVAL_TRIGGER);
        }
    }

    /**
     * The quote the draft would make, priced and totalled, without saving it (the form's live totals).
     *
     * @throws ValidationException for a refused line (discount outside 0–100 %, quantity not above zero …)
     */
    public Quote preview(Actor actor, QuoteDraft draft) {
        return db.transactionResult(cfg -> price(cfg, actor, draft, null, null, QuoteStatus.DRAFT, 0));
    }

    /**
     * Creates a DRAFT quote with the next number of the year.
     *
     * @throws ValidationException  for a refused field or line
     * @throws OrderFrozenException if a line's category is frozen for the customer
     */
    public Quote create(Actor actor, QuoteDraft draft) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.transactionResult(cfg -> {
                    Quote q = price(cfg, actor, draft, Ids.newId(clock), null, QuoteStatus.DRAFT, 0);
                    freezes.requireNotFrozen(cfg, q.customerId(), categories(q));
                    QuoteRepository quotes = QuoteRepository.using(cfg, clock);
                    Quote numbered = withNumber(q, nextNumber(quotes));
                    quotes.insert(actor, ChangeReason.user(), numbered);
                    return quotes.find(numbered.id()).orElseThrow();
                });
            } catch (DataAccessException e) {
                // Another writer took the number between our read and our insert: the unique
                // constraint refused it, so try again with the next one.
                if (attempt >= NUMBER_ATTEMPTS || !numberTaken(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Changes an unsent quote's lines, date or note; it goes back to DRAFT (an approval is for the
     * prices approved).
     */
    public Quote update(Actor actor, UUID id, long expectedVersion, QuoteDraft draft) {
        return db.transactionResult(cfg -> {
            QuoteRepository quotes = QuoteRepository.using(cfg, clock);
            Quote current = current(quotes, id, expectedVersion);
            if (!current.status().editable()) {
                throw new CommerceException("quote.notEditable", current.quoteNo(), current.status().name());
            }
            refusePending(cfg, current);
            if (!current.customerId().equals(draft.customerId())) {
                throw new ValidationException(List.of(FieldProblem.of("customerId", "quote.customer.changed")));
            }
            Quote q = withNumber(price(cfg, actor, draft, id, current.ownerId(), QuoteStatus.DRAFT, expectedVersion),
                    current.quoteNo());
            freezes.requireNotFrozen(cfg, q.customerId(), categories(q));
            return quotes.update(actor, ChangeReason.user(), q);
        });
    }

    /**
     * Marks a draft finished: READY, or NEEDS_APPROVAL when a discount needs approval. With a quote
     * flow the flow decides and its request starts in the same transaction (its approvers get their
     * tasks); without one, a discount above the threshold waits for a manager's {@link #approve}.
     *
     * @throws io.salesdesk.core.SalesDeskException {@code approval.noApprover} if the flow finds nobody to
     *                                              sign a step
     */
    public Quote submit(Actor actor, UUID id, long expectedVersion) {
        return db.transactionResult(cfg -> {
            QuoteRepository quotes = QuoteRepository.using(cfg, clock);
            Quote q = current(quotes, id, expectedVersion);
            if (q.status() != QuoteStatus.DRAFT) {
                throw new CommerceException("quote.notDraft", q.quoteNo(), q.status().name());
            }
            if (quotes.replicaNodeId().isPresent()) {
                return quotes.update(actor, ChangeReason.user(), withStatus(q, readyOffline(cfg, q)));
            }
            if (flowDecides(cfg)) {
                QuoteStatus next = startApproval(cfg, actor, q) ? QuoteStatus.NEEDS_APPROVAL : QuoteStatus.READY;
                return quotes.update(actor, ChangeReason.user(), withStatus(q, next));
            }
            return quotes.update(actor, ChangeReason.user(),
                    withStatus(q, q.needsApproval() ? QuoteStatus.NEEDS_APPROVAL : QuoteStatus.READY));
        });
    }

    /**
     * Approves a quote's discounts so it can be sent: managers and company-wide roles only. The
     * approval flows of the approvals feature will call this once their flow signs.
     *
     * @throws CommerceException {@code quote.approve.notAllowed}, or {@code quote.approve.notWaiting}
     *                           for a quote that is not a draft or waiting for approval
     */
    public Quote approve(UUID quoteId, Actor by) {
        if (!Managers.isManager(by)) {
            throw new CommerceException("quote.approve.notAllowed");
        }
        return db.transactionResult(cfg -> {
            QuoteRepository quotes = QuoteRepository.using(cfg, clock);
            Quote q = quotes.find(quoteId).orElseThrow(() -> new CommerceException("quote.notFound"));
            if (quotes.replicaNodeId().isPresent()) {
                throw new CommerceException("quote.approval.atHeadOffice", q.quoteNo());
            }
            if (q.status() != QuoteStatus.NEEDS_APPROVAL && q.status() != QuoteStatus.DRAFT) {
                throw new CommerceException("quote.approve.notWaiting", q.quoteNo(), q.status().name());
            }
            // A request in a flow is decided by its approvers, not around them.
            refusePending(cfg, q);
            return quotes.update(by, ChangeReason.of(ChangeReason.Kind.APPROVAL, "quote discount"),
                    withStatus(q, QuoteStatus.READY));
        });
    }

    /**
     * Sends the quote to the customer: a READY quote, or a draft that needs no approval. With a quote
     * flow, sending a draft first asks the flow: when a branch applies, the quote is not sent but
     * submitted for approval, and comes back NEEDS_APPROVAL (the caller tells the user so).
     *
     * @throws CommerceException    {@code quote.send.needsApproval} while a discount waits for
     *                              approval, {@code quote.approvalPending} while its request runs,
     *                              {@code quote.expired} past its validity
     * @throws OrderFrozenException if a line's category is frozen for the customer now
     */
    public Quote send(Actor actor, UUID id, long expectedVersion) {
        return db.transactionResult(cfg -> {
            QuoteRepository quotes = QuoteRepository.using(cfg, clock);
            Quote q = current(quotes, id, expectedVersion);
            refusePending(cfg, q);
            if (q.status() == QuoteStatus.DRAFT && quotes.replicaNodeId().isPresent()) {
                readyOffline(cfg, q);
            }
            if (q.status() == QuoteStatus.DRAFT && flowDecides(cfg) && quotes.replicaNodeId().isEmpty()) {
                requireValid(q);
                freezes.requireNotFrozen(cfg, q.customerId(), categories(q));
                if (startApproval(cfg, actor, q)) {
                    return quotes.update(actor, ChangeReason.user(), withStatus(q, QuoteStatus.NEEDS_APPROVAL));
                }
                return quotes.update(actor, ChangeReason.user(), sent(q));
            }
            boolean approvedOrFree = q.status() == QuoteStatus.READY
                    || q.status() == QuoteStatus.DRAFT && !q.needsApproval();
            if (!approvedOrFree && (q.status() == QuoteStatus.DRAFT || q.status() == QuoteStatus.NEEDS_APPROVAL)) {
                throw new CommerceException("quote.send.needsApproval", q.quoteNo(),
                        q.maxDiscountPct().stripTrailingZeros().toPlainString(),
                        CommerceSettings.discountApprovalPct(cfg).stripTrailingZeros().toPlainString());
            }
            if (!approvedOrFree) {
                throw new CommerceException("quote.send.notAllowed", q.quoteNo(), q.status().name());
            }
            requireValid(q);
            freezes.requireNotFrozen(cfg, q.customerId(), categories(q));
            return quotes.update(actor, ChangeReason.user(), sent(q));
        });
    }

    /**
     * On a branch replica a quote is finished without approvals, which are the head office's (their
     * requests and flows do not travel): READY if no discount is above the threshold, otherwise
     * refused, so nothing needing approval is submitted, approved or sent offline (decision 6).
     */
    private static QuoteStatus readyOffline(Configuration cfg, Quote q) {
        if (q.needsApproval()) {
            throw new CommerceException("quote.approval.atHeadOffice", q.quoteNo(),
                    q.maxDiscountPct().stripTrailingZeros().toPlainString(),
                    CommerceSettings.discountApprovalPct(cfg).stripTrailingZeros().toPlainString());
        }
        return QuoteStatus.READY;
    }

    private Quote sent(Quote q) {
        return new Quote(q.id(), q.quoteNo(), q.opportunityId(), q.customerId(), q.ownerId(),
                QuoteStatus.SENT, q.validUntil(), q.totalList(), q.totalNet(), q.totalCost(), q.maxDiscountPct(),
                q.needsApproval(), q.note(), Rows.now(clock), q.lines(), q.version());
    }

    // ------------------------------------------------------------------ approval flow

    /** Whether the workspace's quote flow (rather than the threshold rule) decides on discounts. */
    private boolean flowDecides(Configuration cfg) {
        return approvals != null && approvals.hasFlow(cfg, APPROVAL_ENTITY, APPROVAL_ACTION);
    }

    /**
     * Submits the quote under the flow; true when its request now waits for approvers. False when
     * no branch applies (no approval needed), or when every step approved itself at once (the
     * submitter is the only approver and the flow skips them), which the outcome below ignores
     * because the quote is still a draft then.
     */
    private boolean startApproval(Configuration cfg, Actor actor, Quote q) {
        return approvals.submit(cfg, actor, approvalSubject(cfg, q))
                .map(ApprovalRequest::status).filter(s -> s == RequestStatus.PENDING).isPresent();
    }

    /**
     * What the approvers see and the flow's conditions read. discountPct is the whole quote's
     * discount off the products' list prices (a unit price below list counts too);
     * maxLineDiscountPct the largest line's, which the threshold rule reads.
     */
    private ApprovalSubject approvalSubject(Configuration cfg, Quote q) {
        Map<UUID, Product> products = ProductRepository.using(cfg, clock)
                .byIds(q.lines().stream().map(QuoteLine::productId).distinct().toList());
        BigDecimal atList = QuoteMath.sum(q.lines().stream().map(l -> {
            Product p = products.get(l.productId());
            return p == null ? l.listAmount() : QuoteMath.listAmount(l.quantity(), p.listPrice());
        }).toList());
        BigDecimal discount = QuoteMath.overallDiscountPct(atList, q.totalNet());
        Optional<Customer> customer = CustomerRepository.using(cfg, clock, code -> code).findAny(q.customerId());
        Map<String, Object> fields = new HashMap<>();
        fields.put("discountPct", discount);
        fields.put("maxLineDiscountPct", q.maxDiscountPct());
        fields.put("amount", q.totalNet());
        fields.put("regionCode", customer.map(Customer::regionCode).orElse(null));
        fields.put("ownerId", q.ownerId().toString());
        fields.put("customerId", q.customerId().toString());
        // ApprovalSubject refuses null values (a customer without region); absent reads as null.
        fields.values().removeIf(v -> v == null);
        String title = q.quoteNo() + " " + customer.map(Customer::name).orElse("") + " ¥"
                + q.totalNet().toPlainString() + " 折扣 " + discount.stripTrailingZeros().toPlainString() + "%";
        return new ApprovalSubject(APPROVAL_ENTITY, APPROVAL_ACTION, q.id(), title, fields);
    }

    /** An approved request releases the quote for sending; a rejected or recalled one returns it to draft. */
    private void approvalEnded(Configuration cfg, ApprovalRequest request, RequestStatus outcome) {
        QuoteRepository quotes = QuoteRepository.using(cfg, clock);
        quotes.find(request.recordId()).filter(q -> q.status() == QuoteStatus.NEEDS_APPROVAL).ifPresent(q -> {
            QuoteStatus next = outcome == RequestStatus.APPROVED ? QuoteStatus.READY : QuoteStatus.DRAFT;
            ChangeReason.Kind kind = outcome == RequestStatus.APPROVED ? ChangeReason.Kind.APPROVAL
                    : ChangeReason.Kind.RULE;
            quotes.update(null, ChangeReason.of(kind, "quote discount approval "
                    + outcome.name().toLowerCase(Locale.ROOT)), withStatus(q, next));
        });
    }

    /** A quote whose request is pending is neither edited, sent nor approved around its approvers. */
    private void refusePending(Configuration cfg, Quote q) {
        if (approvals != null && approvals.pendingIn(cfg, APPROVAL_ENTITY, q.id()).isPresent()) {
            throw new CommerceException("quote.approvalPending", q.quoteNo());
        }
    }

    /** The customer accepted the sent quote (within its validity). */
    public Quote accept(Actor actor, UUID id, long expectedVersion) {
        return answer(actor, id, expectedVersion, QuoteStatus.ACCEPTED);
    }

    /** The customer turned the sent quote down. */
    public Quote reject(Actor actor, UUID id, long expectedVersion) {
        return answer(actor, id, expectedVersion, QuoteStatus.REJECTED);
    }

    /** Marks EXPIRED every unanswered quote whose validity ended before today; returns how many. */
    public int expireLapsed() {
        LocalDate today = BusinessTime.today(clock);
        return db.transactionResult(cfg -> {
            QuoteRepository quotes = QuoteRepository.using(cfg, clock);
            List<Quote> lapsed = quotes.lapsed(today, List.of(QuoteStatus.DRAFT.name(),
                    QuoteStatus.NEEDS_APPROVAL.name(), QuoteStatus.READY.name(), QuoteStatus.SENT.name()));
            for (Quote q : lapsed) {
                quotes.update(null, ChangeReason.of(ChangeReason.Kind.RULE, "quote validity"),
                        withStatus(q, QuoteStatus.EXPIRED));
            }
            return lapsed.size();
        });
    }

    public Optional<Quote> find(UUID id) {
        return db.transactionResult(cfg -> QuoteRepository.using(cfg, clock).find(id));
    }

    /**
     * The quote's change log, oldest first, if the viewer may see the quote: who changed what and
     * when, for a save that met someone else's.
     */
    public List<ChangeEntry> history(Actor viewer, UUID id) {
        return db.transactionResult(cfg -> QuoteRepository.using(cfg, clock).find(viewer, id).isEmpty()
                ? List.<ChangeEntry>of() : ChangeLog.using(cfg, clock).forEntity(id));
    }

    /** The customer's quotes, newest number first. */
    public List<Quote> forCustomer(UUID customerId) {
        return db.transactionResult(cfg -> QuoteRepository.using(cfg, clock).forCustomer(customerId));
    }

    /**
     * The quotes the viewer may see, newest number first, each with its customer's name (the quote
     * list of the window).
     *
     * @param status only this status, or null for all
     */
    public List<ListedQuote> list(Actor viewer, QuoteStatus status) {
        return db.transactionResult(cfg -> {
            QuoteRepository quotes = QuoteRepository.using(cfg, clock);
            List<Quote> found = quotes.visibleTo(viewer, status, LIST_LIMIT);
            Map<UUID, String> names = quotes.customerNames(found.stream().map(Quote::customerId).distinct().toList());
            return found.stream().map(q -> new ListedQuote(q, names.getOrDefault(q.customerId(), ""))).toList();
        });
    }

    /** A quote with the name of its customer, as a list shows it. */
    public record ListedQuote(Quote quote, String customerName) {
    }

    /** The opportunity's quotes, newest number first. */
    public List<Quote> forOpportunity(UUID opportunityId) {
        return db.transactionResult(cfg -> QuoteRepository.using(cfg, clock).forOpportunity(opportunityId));
    }

    /** The discount off list in percent above which a quote needs approval. */
    public BigDecimal approvalThresholdPct() {
        return db.transactionResult(CommerceSettings::discountApprovalPct);
    }

    /** Sets the approval threshold; company-wide roles only. */
    public void setApprovalThresholdPct(Actor actor, BigDecimal pct) {
        if (!actor.role().seesEverything()) {
            throw new CommerceException("settings.notAllowed");
        }
        if (pct == null || pct.signum() < 0 || pct.compareTo(QuoteMath.HUNDRED) > 0) {
            throw new ValidationException(List.of(FieldProblem.of("approvalPct", "quote.threshold.invalid")));
        }
        db.transaction(cfg -> CommerceSettings.put(cfg, CommerceSettings.DISCOUNT_APPROVAL_PCT, pct.toPlainString()));
    }

    // ------------------------------------------------------------------ internals

    private Quote answer(Actor actor, UUID id, long expectedVersion, QuoteStatus answer) {
        return db.transactionResult(cfg -> {
            QuoteRepository quotes = QuoteRepository.using(cfg, clock);
            Quote q = current(quotes, id, expectedVersion);
            if (q.status() != QuoteStatus.SENT) {
                throw new CommerceException("quote.notSent", q.quoteNo(), q.status().name());
            }
            if (answer == QuoteStatus.ACCEPTED) {
                requireValid(q);
            }
            return quotes.update(actor, ChangeReason.user(), withStatus(q, answer));
        });
    }

    /** Checks the draft and prices it into a quote (no number yet). */
    private Quote price(Configuration cfg, Actor actor, QuoteDraft d, UUID id, UUID ownerId, QuoteStatus status,
                        long version) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.customerId() == null) {
            problems.add(FieldProblem.of("customerId", "quote.customer.required"));
        } else if (!CustomerRepository.using(cfg, clock, code -> code).isVisible(actor, d.customerId())) {
            problems.add(FieldProblem.of("customerId", "quote.customer.unknown"));
        }
        if (d.opportunityId() != null) {
            Optional<Opportunity> deal = OpportunityRepository.using(cfg, clock).findAny(d.opportunityId());
            if (deal.isEmpty() || !deal.get().customerId().equals(d.customerId())) {
                problems.add(FieldProblem.of("opportunityId", "quote.opportunity.otherCustomer"));
            }
        }
        LocalDate today = BusinessTime.today(clock);
        LocalDate validUntil = d.validUntil() != null ? d.validUntil() : today.plusDays(DEFAULT_VALID_DAYS);
        if (validUntil.isBefore(today)) {
            problems.add(FieldProblem.of("validUntil", "quote.validUntil.past"));
        }
        String note = Rows.blankToNull(d.note());
        if (note != null && note.length() > NOTE_MAX) {
            problems.add(FieldProblem.of("note", "quote.note.tooLong", NOTE_MAX));
        }
        if (d.lines().isEmpty()) {
            problems.add(FieldProblem.of("lines", "quote.lines.required"));
        } else if (d.lines().size() > MAX_LINES) {
            problems.add(FieldProblem.of("lines", "quote.lines.tooMany", MAX_LINES));
        }
        Map<UUID, Product> products = ProductRepository.using(cfg, clock)
                .byIds(d.lines().stream().map(QuoteLineDraft::productId).filter(p -> p != null).toList());
        BigDecimal threshold = CommerceSettings.discountApprovalPct(cfg);
        List<QuoteLine> lines = new ArrayList<>();
        BigDecimal maxOff = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < d.lines().size(); i++) {
            QuoteLineDraft l = d.lines().get(i);
            int no = i + 1;
            Product p = l.productId() == null ? null : products.get(l.productId());
            if (p == null) {
                problems.add(FieldProblem.of("lines", "quote.line.productUnknown", no));
                continue;
            }
            if (!p.active()) {
                problems.add(FieldProblem.of("lines", "quote.line.productInactive", no, p.sku()));
            }
            BigDecimal qty = l.quantity();
            if (qty == null || qty.signum() <= 0 || qty.stripTrailingZeros().scale() > 3) {
                problems.add(FieldProblem.of("lines", "quote.line.quantity", no, qty == null ? "" : qty.toPlainString()));
                continue;
            }
            BigDecimal unitPrice = l.unitPrice() != null ? l.unitPrice() : p.listPrice();
            if (unitPrice.signum() < 0 || unitPrice.stripTrailingZeros().scale() > 2
                    || unitPrice.compareTo(MAX_MONEY) > 0) {
                problems.add(FieldProblem.of("lines", "quote.line.price", no, unitPrice.toPlainString()));
                continue;
            }
            BigDecimal discount = l.discountPct() != null ? l.discountPct() : BigDecimal.ZERO;
            if (discount.signum() < 0 || discount.compareTo(QuoteMath.HUNDRED) > 0) {
                problems.add(FieldProblem.of("lines", "quote.line.discountRange", no, discount.toPlainString()));
                continue;
            }
            if (discount.stripTrailingZeros().scale() > 2) {
                problems.add(FieldProblem.of("lines", "quote.line.discountPrecision", no, discount.toPlainString()));
                continue;
            }
            maxOff = maxOff.max(QuoteMath.discountOffList(unitPrice, discount, p.listPrice()));
            lines.add(QuoteRepository.line(no, p.id(), p.sku(), p.name(), p.category(), qty,
                    unitPrice.setScale(2), discount.setScale(2), p.costPrice()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        BigDecimal totalList = QuoteMath.sum(lines.stream().map(QuoteLine::listAmount).toList());
        BigDecimal totalNet = QuoteMath.sum(lines.stream().map(QuoteLine::netAmount).toList());
        BigDecimal totalCost = QuoteMath.sum(lines.stream().map(QuoteLine::costAmount).toList());
        if (totalList.compareTo(MAX_MONEY) > 0) {
            throw new ValidationException(List.of(FieldProblem.of("lines", "quote.total.tooLarge")));
        }
        return new Quote(id, null, d.opportunityId(), d.customerId(), ownerId != null ? ownerId : actor.userId(),
                status, validUntil, totalList, totalNet, totalCost, maxOff, maxOff.compareTo(threshold) > 0, note,
                null, lines, version);
    }

    /**
     * The year's next number: BJ-2026-0001, then 0002 …; past 9999 it simply grows a digit. On a
     * branch replica the branch's code comes first (BJ-2026-A3F09C-0001), so numbers made offline on
     * two branches, or on a branch and at the head office, never collide.
     */
    private String nextNumber(QuoteRepository quotes) {
        String prefix = "BJ-" + BusinessTime.today(clock).getYear() + "-"
                + quotes.replicaNodeId().map(id -> branchCode(id) + "-").orElse("");
        int next = quotes.highestNumber(prefix).map(no -> Integer.parseInt(no.substring(prefix.length())) + 1)
                .orElse(1);
        return prefix + String.format(Locale.ROOT, "%04d", next);
    }

    /**
     * A replica's code in its quote numbers: the last six hex digits of its node id, which are
     * random (the leading ones of a UUIDv7 are its creation time, alike for branches made together).
     */
    static String branchCode(UUID replicaId) {
        String hex = replicaId.toString();
        return hex.substring(hex.length() - 6).toUpperCase(Locale.ROOT);
    }

    private static boolean numberTaken(DataAccessException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("uq_quote_no");
    }

    private void requireValid(Quote q) {
        if (q.validUntil().isBefore(BusinessTime.today(clock))) {
            throw new CommerceException("quote.expired", q.quoteNo(), q.validUntil().toString());
        }
    }

    private static List<String> categories(Quote q) {
        return q.lines().stream().map(QuoteLine::category).distinct().toList();
    }

    private static Quote current(QuoteRepository quotes, UUID id, long expectedVersion) {
        Quote q = quotes.find(id).orElse(null);
        if (q == null || q.version() != expectedVersion) {
            throw new StaleRecordException(QuoteRepository.ENTITY, id, expectedVersion, q);
        }
        return q;
    }

    private static Quote withNumber(Quote q, String number) {
        return new Quote(q.id(), number, q.opportunityId(), q.customerId(), q.ownerId(), q.status(), q.validUntil(),
                q.totalList(), q.totalNet(), q.totalCost(), q.maxDiscountPct(), q.needsApproval(), q.note(),
                q.sentAt(), q.lines(), q.version());
    }

    private static Quote withStatus(Quote q, QuoteStatus status) {
        return new Quote(q.id(), q.quoteNo(), q.opportunityId(), q.customerId(), q.ownerId(), status, q.validUntil(),
                q.totalList(), q.totalNet(), q.totalCost(), q.maxDiscountPct(), q.needsApproval(), q.note(),
                q.sentAt(), q.lines(), q.version());
    }
}
