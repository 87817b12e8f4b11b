package io.salesdesk.commerce.contract;

import io.salesdesk.commerce.collection.CollectionPlan;
import io.salesdesk.commerce.collection.CollectionRepository;
import io.salesdesk.core.Actor;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerRepository;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.WorkspaceSettings;
import io.salesdesk.workflow.approval.ApprovalRequest;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.ApprovalSubject;
import io.salesdesk.workflow.approval.ApprovalTrigger;
import io.salesdesk.workflow.approval.ApprovalTrigger.Field;
import io.salesdesk.workflow.approval.ApprovalTrigger.FieldType;
import io.salesdesk.workflow.approval.RequestStatus;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.TransactionalCallable;

/**
 * Contracts (合同): made from a won deal, from a quote or directly; numbered HT-year-NNNN; moved
 * through DRAFT → IN_APPROVAL → SIGNED → EXECUTING → CLOSED, or VOID with a reason. Signing
 * creates the collection schedule from the payment terms. Each call is one transaction; every
 * change is audited and checked against the version the caller read.
 *
 * <p>Until the approvals issue wires flows, submitting only moves the contract to IN_APPROVAL and a
 * manager or a company-wide role signs it (or sends it back), which stands for the approval.
 */
public final class ContractService {

    /** Most contracts a list loads. */
    public static final int LIST_LIMIT = 2000;
    /** Workspace setting: our legal entity, written as our party on new contracts. */
    public static final String OUR_PARTY_KEY = "contract.ourParty";
    /** Our party when the workspace names none. */
    public static final String DEFAULT_OUR_PARTY = "本公司";

    /** What approval flows call a contract and its submission. */
    public static final String APPROVAL_ENTITY = "contract";
    public static final String APPROVAL_ACTION = "submit";
    /** What a contract flow's conditions and approvers can read (see {@link #approvalSubject}). */
    public static final ApprovalTrigger APPROVAL_TRIGGER = new ApprovalTrigger(APPROVAL_ENTITY, APPROVAL_ACTION,
            List.of(new Field("amount", FieldType.MONEY), new Field("regionCode", FieldType.REGION),
                    new Field("ownerId", FieldType.USER), new Field("customerId", FieldType.TEXT),
                    new Field("contractNo", FieldType.TEXT)));

    private final Database db;
    private final Clock clock;
    private final Path attachmentsRoot;
    private final ApprovalService approvals;

    /**
     * Contracts whose submission needs no flow: a manager's signing stands for the approval.
     *
     * @param attachmentsRoot the folder attachments are copied into, e.g. {@code <data dir>/attachments}
     */
    public ContractService(Database db, Clock clock, Path attachmentsRoot) {
        this(db, clock, attachmentsRoot, null);
    }

    /**
     * Contracts submitted through the workspace's approval flow for contracts, when it has one: a
     * rejected or recalled request returns the contract to draft, and it is signed only once
     * approved.
     *
     * @param approvals the approval engine; null as in the constructor above
     */
    public ContractService(Database db, Clock clock, Path attachmentsRoot, ApprovalService approvals) {
        this.db = db;
        this.clock = clock;
        this.attachmentsRoot = Objects.requireNonNull(attachmentsRoot, "attachmentsRoot");
        this.approvals = approvals;
        if (approvals != null) {
            approvals.onDecision(APPROVAL_ENTITY, this::approvalEnded);
            approvals.register(APPROVAL_TRIGGER);
        }
    }

    /** The contract if the viewer may see it. */
    public Optional<Contract> find(Actor viewer, UUID id) {
        return db.transactionResult(cfg -> contracts(cfg).find(viewer, id));
    }

    /**
     * The viewer's contracts, newest first, at most {@link #LIST_LIMIT}.
     *
     * @param status     only this status, or null
     * @param customerId only this customer's, or null
     */
    public List<Contract> list(Actor viewer, ContractStatus status, UUID customerId) {
        return list(viewer, status, customerId, List.of());
    }

    /** As {@link #list(Actor, ContractStatus, UUID)}, narrowed by conditions on the company's own contract fields. */
    public List<Contract> list(Actor viewer, ContractStatus status, UUID customerId,
                               List<io.salesdesk.db.custom.CustomValueFilter> custom) {
        return db.transactionResult(cfg -> contracts(cfg).list(viewer, status, customerId, custom, LIST_LIMIT));
    }

    /** Every recorded change of the contract, oldest first, if the viewer may see it. */
    public List<ChangeEntry> history(Actor viewer, UUID id) {
        return db.transactionResult(cfg -> contracts(cfg).find(viewer, id).isEmpty() ? List.<ChangeEntry>of()
                : ChangeLog.using(cfg, clock).forEntity(id));
    }

    /** Our legal entity as the workspace names it. */
    public String ourParty() {
        return db.transactionResult(this::ourParty);
    }

    /**
     * Creates a draft contract from a won deal: its customer, amount, owner and name; the customer's
     * name as their party.
     *
     * @param paymentTerms the payment terms, null for {@link PaymentTerm#defaults()}
     * @throws SalesDeskException  {@code contract.opportunity.notFound}, {@code contract.opportunity.notWon}
     * @throws ValidationException if the deal has no amount or the terms are refused
     */
    public Contract createFromOpportunity(Actor actor, UUID opportunityId, List<PaymentTerm> paymentTerms) {
        Objects.requireNonNull(opportunityId, "opportunityId");
        return withFreshNumber(cfg -> {
            ContractRepository contracts = contracts(cfg);
            ContractRepository.WonDeal deal = contracts.deal(opportunityId)
                    .filter(d -> CustomerRepository.using(cfg, clock, code -> code).isVisible(actor, d.customerId()))
                    .orElseThrow(() -> new SalesDeskException("contract.opportunity.notFound"));
            if (!deal.won()) {
                throw new SalesDeskException("contract.opportunity.notWon", deal.name());
            }
            ContractDraft draft = new ContractDraft(deal.name(), deal.customerId(), deal.ownerId(), null,
                    deal.customerName(), deal.amount(), null, paymentTerms);
            return insert(cfg, actor, draft, deal.opportunityId(), null);
        });
    }

    /**
     * Creates a draft contract from a quote: its customer and owner, the quote's net total as the
     * amount, linked to the quote (and the quote's deal).
     *
     * @throws SalesDeskException  {@code contract.quote.notFound}, {@code contract.quote.notAccepted},
     *                             {@code contract.quote.alreadyContracted}
     * @throws ValidationException if the terms are refused
     */
    public Contract createFromQuote(Actor actor, UUID quoteId, List<PaymentTerm> paymentTerms) {
        Objects.requireNonNull(quoteId, "quoteId");
        return withFreshNumber(cfg -> {
            ContractRepository contracts = contracts(cfg);
            ContractRepository.QuoteSource quote = contracts.quote(quoteId)
                    .filter(q -> CustomerRepository.using(cfg, clock, code -> code).isVisible(actor, q.customerId()))
                    .orElseThrow(() -> new SalesDeskException("contract.quote.notFound"));
            // Checked here, not only by the buttons: two people (or a script) could otherwise
            // make two contracts of one quote, or one of a quote the customer never accepted.
            if (!"ACCEPTED".equals(quote.status())) {
                throw new SalesDeskException("contract.quote.notAccepted", quote.quoteNo());
            }
            contracts.contractOfQuote(quote.quoteId()).ifPresent(no -> {
                throw new SalesDeskException("contract.quote.alreadyContracted", quote.quoteNo(), no);
            });
            ContractDraft draft = new ContractDraft(quote.quoteNo(), quote.customerId(), quote.ownerId(), null,
                    quote.customerName(), quote.totalNet(), null, paymentTerms);
            return insert(cfg, actor, draft, quote.opportunityId(), quote.quoteId());
        });
    }

    /**
     * Creates a draft contract as the form filled it.
     *
     * @throws ValidationException listing each refused field: no customer, amount not above zero,
     *                             shares not adding up to 100…
     */
    public Contract create(Actor actor, ContractDraft draft) {
        return withFreshNumber(cfg -> insert(cfg, actor, draft, null, null));
    }

    /**
     * Saves an edit of a draft made on {@code expectedVersion}; only drafts can be edited.
     *
     * @throws ValidationException  listing each refused field
     * @throws SalesDeskException   {@code contract.notDraft} once it left DRAFT
     * @throws StaleRecordException if someone changed it meanwhile
     */
    public Contract update(Actor actor, UUID id, long expectedVersion, ContractDraft draft) {
        return db.transactionResult(cfg -> {
            ContractRepository contracts = contracts(cfg);
            Contract current = visible(actor, contracts, id, expectedVersion);
            if (current.status() != ContractStatus.DRAFT) {
                throw new SalesDeskException("contract.notDraft", current.contractNo());
            }
            Resolved r = resolve(cfg, actor, draft);
            ContractRepository.Fields fields = ContractRepository.Fields.of(current).withDraft(r.draft.title().strip(),
                    r.draft.customerId(), r.draft.ownerId(), r.draft.ourParty().strip(), r.draft.theirParty().strip(),
                    r.draft.amount().setScale(2), Rows.blankToNull(r.draft.terms()));
            return contracts.update(actor, ChangeReason.user(), id, expectedVersion, fields, r.terms);
        });
    }

    /**
     * Submits a draft for approval (DRAFT → IN_APPROVAL) and, when the workspace has a contract
     * flow, starts its request in the same transaction: the approvers it names get their tasks.
     *
     * @throws SalesDeskException   {@code contract.status.illegal} from another status;
     *                              {@code approval.noApprover} if the flow finds nobody to sign a step
     * @throws StaleRecordException if someone changed it meanwhile
     */
    public Contract submitForApproval(Actor actor, UUID id, long expectedVersion) {
        return db.transactionResult(cfg -> {
            ContractRepository contracts = contracts(cfg);
            Contract current = visible(actor, contracts, id, expectedVersion);
            refuseIllegal(current, ContractStatus.IN_APPROVAL);
            Contract submitted = contracts.update(actor, ChangeReason.user(), id, expectedVersion,
                    ContractRepository.Fields.of(current).withStatus(ContractStatus.IN_APPROVAL, current.signedOn(),
                            null), null);
            if (approvals != null) {
                String region = CustomerRepository.using(cfg, clock, code -> code).findAny(submitted.customerId())
                        .map(Customer::regionCode).orElse(null);
                approvals.submit(cfg, actor, approvalSubject(submitted, region));
            }
            return submitted;
        });
    }

    /** What the approvers see and the flow's conditions read. */
    private static ApprovalSubject approvalSubject(Contract c, String customerRegion) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("amount", c.amount());
        fields.put("regionCode", customerRegion);
        fields.put("customerId", c.customerId().toString());
        fields.put("ownerId", c.ownerId().toString());
        fields.put("contractNo", c.contractNo());
        return new ApprovalSubject(APPROVAL_ENTITY, APPROVAL_ACTION, c.id(),
                c.contractNo() + " " + c.theirParty() + " ¥" + c.amount().toPlainString(), fields);
    }

    /** A rejected or recalled request returns the contract to its owner as a draft. */
    private void approvalEnded(Configuration cfg, ApprovalRequest request, RequestStatus outcome) {
        if (outcome == RequestStatus.APPROVED) {
            return;
        }
        ContractRepository contracts = contracts(cfg);
        contracts.findAny(request.recordId()).filter(c -> c.status() == ContractStatus.IN_APPROVAL).ifPresent(c ->
                contracts.update(null, ChangeReason.of(ChangeReason.Kind.RULE, "approval " + outcome.name().toLowerCase(
                                java.util.Locale.ROOT)), c.id(), c.version(),
                        ContractRepository.Fields.of(c).withStatus(ContractStatus.DRAFT, null, null), null));
    }

    /**
     * Sends a contract in approval back to its owner as a draft (IN_APPROVAL → DRAFT); managers and
     * company-wide roles only.
     *
     * @throws ValidationException  without a reason
     * @throws SalesDeskException   {@code contract.approve.notAllowed}, {@code contract.status.illegal}
     */
    public Contract returnToDraft(Actor actor, UUID id, long expectedVersion, String reason) {
        requireApprover(actor);
        String why = requireReason(reason, "contract.return.reasonRequired");
        return db.transactionResult(cfg -> {
            ContractRepository contracts = contracts(cfg);
            Contract current = visible(actor, contracts, id, expectedVersion);
            refuseIllegal(current, ContractStatus.DRAFT);
            return contracts.update(actor, ChangeReason.of(ChangeReason.Kind.USER, why), id, expectedVersion,
                    ContractRepository.Fields.of(current).withStatus(ContractStatus.DRAFT, null, null), null);
        });
    }

    /**
     * Records the approved contract as signed on {@code signDate} (IN_APPROVAL → SIGNED) and creates
     * its collection schedule: one item per payment term, the amounts adding up to the contract
     * amount exactly, items due on signing due {@code signDate} + their days. Managers and
     * company-wide roles only; while the contract's approval request is pending it cannot be signed.
     *
     * @throws SalesDeskException  {@code contract.approve.notAllowed}, {@code contract.status.illegal}
     * @throws ValidationException without a sign date or with one in the future
     */
    public Contract sign(Actor by, UUID id, long expectedVersion, LocalDate signDate) {
        requireApprover(by);
        if (signDate == null) {
            throw new ValidationException(List.of(FieldProblem.of("signedOn", "contract.sign.dateRequired")));
        }
        if (signDate.isAfter(BusinessTime.today(clock))) {
            throw new ValidationException(List.of(FieldProblem.of("signedOn", "contract.sign.future",
                    signDate.toString())));
        }
        return db.transactionResult(cfg -> {
            ContractRepository contracts = contracts(cfg);
            Contract current = visible(by, contracts, id, expectedVersion);
            refuseIllegal(current, ContractStatus.SIGNED);
            if (approvals != null && approvals.pendingIn(cfg, APPROVAL_ENTITY, id).isPresent()) {
                throw new SalesDeskException("contract.sign.approvalPending", current.contractNo());
            }
            Contract signed = contracts.update(by, ChangeReason.user(), id, expectedVersion,
                    ContractRepository.Fields.of(current).withStatus(ContractStatus.SIGNED, signDate, null), null);
            List<BigDecimal> parts = CollectionPlan.split(signed.amount(), signed.paymentTerms());
            List<CollectionRepository.NewItem> items = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                PaymentTerm term = signed.paymentTerms().get(i);
                LocalDate due = term.milestone() == Milestone.SIGNING ? signDate.plusDays(term.dueDays()) : null;
                items.add(new CollectionRepository.NewItem(i + 1, term.milestone(), parts.get(i), due));
            }
            CollectionRepository.using(cfg, clock).insertSchedule(by,
                    ChangeReason.of(ChangeReason.Kind.RULE, "contract signed " + signed.contractNo()), signed, items);
            return signed;
        });
    }

    /**
     * Closes a contract once everything is collected (SIGNED or EXECUTING → CLOSED).
     *
     * @throws SalesDeskException {@code contract.close.open} naming what is still open,
     *                            {@code contract.status.illegal}
     */
    public Contract close(Actor actor, UUID id, long expectedVersion) {
        return db.transactionResult(cfg -> {
            ContractRepository contracts = contracts(cfg);
            Contract current = visible(actor, contracts, id, expectedVersion);
            refuseIllegal(current, ContractStatus.CLOSED);
            BigDecimal open = CollectionRepository.using(cfg, clock).openAmount(id);
            if (open.signum() > 0) {
                throw new SalesDeskException("contract.close.open", current.contractNo(), open.toPlainString());
            }
            return contracts.update(actor, ChangeReason.user(), id, expectedVersion,
                    ContractRepository.Fields.of(current).withStatus(ContractStatus.CLOSED, current.signedOn(), null),
                    null);
        });
    }

    /**
     * Voids a contract with a reason; one on which money was received cannot be voided.
     *
     * @throws ValidationException without a reason
     * @throws SalesDeskException  {@code contract.void.paid}, {@code contract.status.illegal}
     */
    public Contract voidContract(Actor actor, UUID id, long expectedVersion, String reason) {
        String why = requireReason(reason, "contract.void.reasonRequired");
        if (why.length() > ContractRules.REASON_MAX) {
            throw new ValidationException(List.of(FieldProblem.of("voidReason", "contract.void.reasonTooLong",
                    ContractRules.REASON_MAX)));
        }
        return db.transactionResult(cfg -> {
            ContractRepository contracts = contracts(cfg);
            Contract current = visible(actor, contracts, id, expectedVersion);
            refuseIllegal(current, ContractStatus.VOID);
            BigDecimal collected = CollectionRepository.using(cfg, clock).collectedAmount(id);
            if (collected.signum() > 0) {
                throw new SalesDeskException("contract.void.paid", current.contractNo(), collected.toPlainString());
            }
            return contracts.update(actor, ChangeReason.user(), id, expectedVersion,
                    ContractRepository.Fields.of(current).withStatus(ContractStatus.VOID, current.signedOn(), why),
                    null);
        });
    }

    // ------------------------------------------------------------------ attachments

    /**
     * Copies a file into the workspace's attachments folder and records it on the contract with its
     * name, size and SHA-256.
     *
     * @throws SalesDeskException {@code contract.attachment.unreadable} if the file cannot be read or copied
     */
    public ContractAttachment attach(Actor actor, UUID contractId, Path file) {
        Contract contract = find(actor, contractId).orElseThrow(() -> new SalesDeskException("contract.notFound"));
        UUID id = Ids.newId(clock);
        String fileName = file.getFileName().toString();
        String stored = contract.id() + "/" + id + "-" + safe(fileName);
        Path target = attachmentsRoot.resolve(stored);
        long size;
        String sha;
        try {
            Files.createDirectories(target.getParent());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                size = Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            sha = HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new SalesDeskException(e, "contract.attachment.unreadable", fileName, e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        ContractAttachment attachment = new ContractAttachment(id, contractId, fileName, stored, size, sha,
                Rows.now(clock), Rows.userId(actor));
        try {
            db.transaction(cfg -> contracts(cfg).insertAttachment(actor, ChangeReason.user(), attachment));
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
        return attachment;
    }

    /** The contract's attachments, oldest first, if the viewer may see the contract. */
    public List<ContractAttachment> attachments(Actor viewer, UUID contractId) {
        return db.transactionResult(cfg -> contracts(cfg).find(viewer, contractId).isEmpty()
                ? List.<ContractAttachment>of() : contracts(cfg).attachments(contractId));
    }

    /**
     * Where the attachment's bytes are, to open it.
     *
     * @throws SalesDeskException {@code contract.attachment.notFound} if it was removed, the viewer may
     *                            not see the contract or the file is gone from the folder
     */
    public Path attachmentPath(Actor viewer, UUID attachmentId) {
        ContractAttachment a = visibleAttachment(viewer, attachmentId);
        Path path = attachmentsRoot.resolve(a.storedPath());
        if (!Files.isRegularFile(path)) {
            throw new SalesDeskException("contract.attachment.notFound", a.fileName());
        }
        return path;
    }

    /** Removes an attachment from the contract (soft delete; the file stays for undo and sync). */
    public void removeAttachment(Actor actor, UUID attachmentId) {
        ContractAttachment a = visibleAttachment(actor, attachmentId);
        db.transaction(cfg -> contracts(cfg).deleteAttachment(actor, ChangeReason.user(), a.id()));
    }

    // ------------------------------------------------------------------ internals

    private ContractAttachment visibleAttachment(Actor viewer, UUID attachmentId) {
        return db.transactionResult(cfg -> {
            ContractRepository contracts = contracts(cfg);
            return contracts.attachment(attachmentId)
                    .filter(a -> contracts.find(viewer, a.contractId()).isPresent())
                    .orElseThrow(() -> new SalesDeskException("contract.attachment.notFound", ""));
        });
    }

    private Contract move(Actor actor, UUID id, long expectedVersion, ContractStatus next, LocalDate signedOn,
                          String reason) {
        return db.transactionResult(cfg -> {
            ContractRepository contracts = contracts(cfg);
            Contract current = visible(actor, contracts, id, expectedVersion);
            refuseIllegal(current, next);
            return contracts.update(actor, ChangeReason.user(), id, expectedVersion,
                    ContractRepository.Fields.of(current).withStatus(next,
                            signedOn != null ? signedOn : current.signedOn(), reason), null);
        });
    }

    private Contract insert(Configuration cfg, Actor actor, ContractDraft draft, UUID opportunityId, UUID quoteId) {
        Resolved r = resolve(cfg, actor, draft);
        ContractRepository contracts = contracts(cfg);
        String prefix = DocumentNumbers.prefix("HT", BusinessTime.today(clock).getYear());
        String number = DocumentNumbers.next(prefix, contracts.highestNumber(prefix), 4);
        UUID id = Ids.newId(clock);
        ContractDraft d = r.draft;
        contracts.insert(actor, ChangeReason.user(), id, number, new ContractRepository.Fields(d.title().strip(),
                d.customerId(), opportunityId, quoteId, d.ownerId(), d.ourParty().strip(), d.theirParty().strip(),
                d.amount().setScale(2), Rows.blankToNull(d.terms()), ContractStatus.DRAFT, null, null), r.terms);
        return contracts.findAny(id).orElseThrow();
    }

    private record Resolved(ContractDraft draft, List<PaymentTerm> terms) {
    }

    /** Fills the defaults (owner, parties, terms) and checks the draft; throws with every problem. */
    private Resolved resolve(Configuration cfg, Actor actor, ContractDraft draft) {
        List<PaymentTerm> terms = draft.paymentTerms() == null || draft.paymentTerms().isEmpty()
                ? PaymentTerm.defaults() : draft.paymentTerms();
        UUID ownerId = draft.ownerId() != null ? draft.ownerId() : actor.userId();
        String theirParty = Rows.blankToNull(draft.theirParty());
        if (theirParty == null && draft.customerId() != null) {
            theirParty = contracts(cfg).customerName(draft.customerId()).orElse(null);
        }
        String ourParty = Rows.blankToNull(draft.ourParty()) != null ? draft.ourParty() : ourParty(cfg);
        ContractDraft filled = new ContractDraft(draft.title(), draft.customerId(), ownerId, ourParty, theirParty,
                draft.amount(), draft.terms(), terms);
        List<FieldProblem> problems = new ArrayList<>(ContractRules.problems(filled, terms));
        if (draft.customerId() != null && !CustomerRepository.using(cfg, clock, code -> code)
                .isVisible(actor, draft.customerId())) {
            problems.add(FieldProblem.of("customerId", "contract.customer.notVisible"));
        }
        if (!ownerId.equals(actor.userId()) && UserRepository.using(cfg, clock).visibleTo(actor).stream()
                .noneMatch(u -> u.id().equals(ownerId))) {
            problems.add(FieldProblem.of("ownerId", "contract.owner.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Resolved(filled, ContractRules.normalised(terms));
    }

    private String ourParty(Configuration cfg) {
        return WorkspaceSettings.using(cfg).get(OUR_PARTY_KEY).map(Rows::blankToNull).orElse(DEFAULT_OUR_PARTY);
    }

    /** Runs an insert that takes a document number, again with a fresh number if another writer took it. */
    private <T> T withFreshNumber(TransactionalCallable<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.transactionResult(work);
            } catch (DocumentNumbers.Taken taken) {
                if (attempt >= DocumentNumbers.ATTEMPTS) {
                    throw new SalesDeskException(taken, "contract.number.busy");
                }
            }
        }
    }

    private ContractRepository contracts(Configuration cfg) {
        return ContractRepository.using(cfg, clock);
    }

    private static Contract visible(Actor actor, ContractRepository contracts, UUID id, long expectedVersion) {
        Contract current = contracts.find(actor, id).orElseThrow(() -> contracts.exists(id)
                ? new SalesDeskException("contract.notFound")
                : new StaleRecordException(ContractRepository.ENTITY, id, expectedVersion, null));
        if (current.version() != expectedVersion) {
            throw new StaleRecordException(ContractRepository.ENTITY, id, expectedVersion, current);
        }
        return current;
    }

    private static void refuseIllegal(Contract current, ContractStatus next) {
        if (!current.status().canMoveTo(next)) {
            throw new SalesDeskException("contract.status.illegal", current.contractNo(), current.status().name(),
                    next.name());
        }
    }

    private static void requireApprover(Actor actor) {
        if (actor.role() != Role.MANAGER && !actor.role().seesEverything()) {
            throw new SalesDeskException("contract.approve.notAllowed");
        }
    }

    private static String requireReason(String reason, String key) {
        String why = Rows.blankToNull(reason);
        if (why == null) {
            throw new ValidationException(List.of(FieldProblem.of("reason", key)));
        }
        return why;
    }

    /** A file name safe on every OS: path separators and reserved characters become underscores. */
    private static String safe(String name) {
        String cleaned = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return cleaned.length() > 120 ? cleaned.substring(cleaned.length() - 120) : cleaned;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Left behind in the attachments folder; no row points at it.
        }
    }
}
