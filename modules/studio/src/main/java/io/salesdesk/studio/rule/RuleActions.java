package io.salesdesk.studio.rule;

import io.salesdesk.board.Board;
import io.salesdesk.board.BoardService;
import io.salesdesk.board.Card;
import io.salesdesk.board.ColumnValue;
import io.salesdesk.board.WipLimitExceededException;
import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.escalation.EscalationSubject;
import io.salesdesk.board.task.Task;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.board.task.TaskPriority;
import io.salesdesk.board.task.TaskService;
import io.salesdesk.board.task.TaskStatus;
import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.Customer;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerService;
import io.salesdesk.crm.Opportunity;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.User;
import io.salesdesk.crm.UserRepository;
import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.crm.pool.PoolService;
import io.salesdesk.db.Database;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.workflow.approval.ApprovalService;
import io.salesdesk.workflow.approval.ApprovalSubject;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Takes a rule's actions on a matched record: tasks, messages, escalations, fields, owners, the public
 * pool, approvals, order freezes and webhooks. Each action returns what it did in words for the run log, or throws a
 * {@link SalesDeskException} whose message key says why it could not.
 */
public final class RuleActions {

    private final Database db;
    private final Clock clock;
    private final Locale locale;
    private final TaskService tasks;
    private final EscalationService escalations;
    private final CustomerService customers;
    private final CustomFieldService customFields;
    private final Owners owners;
    private final RuleWebhook webhook;
    private final ApprovalService approvals;
    private final OrderHold orders;
    private final BoardService boards;

    /**
     * The services that change owners; any may be null when the app does not offer the action (a rule
     * that needs it then logs that it is not available).
     */
    public record Owners(LeadService leads, OpportunityService opportunities, PoolService pool,
                         LeadAutoAssign autoAssign) {
    }

    /**
     * The services behind the actions beyond tasks, messages and fields; any may be null when the app
     * does not offer the action (a rule that needs it then logs that it is not available).
     */
    public record Extras(Owners owners, RuleWebhook webhook, ApprovalService approvals, OrderHold orders,
                         BoardService boards) {

        /** Without board moves. */
        public Extras(Owners owners, RuleWebhook webhook, ApprovalService approvals, OrderHold orders) {
            this(owners, webhook, approvals, orders, null);
        }

        /** None of them: tasks, messages, escalations and fields only. */
        public static Extras none() {
            return new Extras(null, null, null, null, null);
        }
    }

    /** Holding a customer's orders in some product categories (commerce's order freeze), as the rules call it. */
    @FunctionalInterface
    public interface OrderHold {
        /** Freezes the categories not frozen yet; returns how many were frozen now. */
        int hold(Actor actor, UUID customerId, UUID opportunityId, List<String> categories, String reason);
    }

    /** The automatic assignment of a lead (the dispatch module), as the rules call it. */
    @FunctionalInterface
    public interface LeadAutoAssign {
        /** Assigns the lead by the dispatch rules; returns the new owner's name. */
        String assign(Actor actor, UUID leadId);
    }

    public RuleActions(Database db, Clock clock, Locale locale, TaskService tasks, EscalationService escalations,
                       CustomerService customers, CustomFieldService customFields, Extras extras) {
        this.db = db;
        this.clock = clock;
        this.locale = locale;
        this.tasks = tasks;
        this.escalations = escalations;
        this.customers = customers;
        this.customFields = customFields;
        Extras with = extras == null ? Extras.none() : extras;
        this.owners = with.owners() == null ? new Owners(null, null, null, null) : with.owners();
        this.webhook = with.webhook();
        this.approvals = with.approvals();
        this.orders = with.orders();
        this.boards = with.boards();
    }

    /** Takes one action; returns what it did, in words for the run log. */
    String perform(AutomationRule rule, RuleAction action, RuleMatch match, Actor actor, OffsetDateTime now) {
        RuleEntity entity = RuleEntity.of(rule.definition().entity());
        String text = action.text() == null ? "" : fill(action.text(), match);
        switch (action.kind()) {
            case CREATE_TASK -> {
                UUID owner = requireOwner(match);
                boolean open = db.transactionResult(cfg -> RuleFiringRepository.using(cfg)
                        .openTask(rule.id(), match.recordId()));
                if (open) {
                    return say("done.taskOpen", text);
                }
                UUID opportunity = entity == RuleEntity.OPPORTUNITY_ENTITY ? match.recordId() : null;
                Task task = tasks.create(actor, new TaskDraft(text, say("task.description", rule.name()), owner,
                        TaskPriority.NORMAL, now.plusDays(action.days() == null ? 0 : action.days()),
                        match.customerId(), opportunity), TaskStatus.TODO, reason(rule));
                db.transaction(cfg -> RuleFiringRepository.using(cfg)
                        .recordTask(rule.id(), match.recordId(), match.anchor(), task.id()));
                return say("done.task", text);
            }
            case NOTIFY_OWNER -> {
                notify(List.of(requireOwner(match)), rule, entity, match, text);
                return say("done.notifyOwner");
            }
            case NOTIFY_MANAGER -> {
                UUID owner = requireOwner(match);
                UUID manager = db.transactionResult(cfg -> UserRepository.using(cfg, clock).byId(owner))
                        .map(User::managerId).orElse(null);
                if (manager == null) {
                    throw new SalesDeskException("rule.run.noManager");
                }
                notify(List.of(manager), rule, entity, match, text);
                return say("done.notifyManager");
            }
            case ESCALATE -> {
                escalations.raise(RuleRunner.ESCALATION_KIND, new EscalationSubject(entity.auditName(),
                                match.recordId(), match.label()), requireOwner(match),
                        say("escalation.reason", text, rule.name()), now.plusDays(1));
                return say("done.escalate");
            }
            case SET_FIELD -> {
                setField(actor, rule, entity, action, match.recordId());
                return say("done.setField", action.field(), action.value());
            }
            case ASSIGN -> {
                return assign(actor, rule, entity, action.value(), match);
            }
            case RETURN_TO_POOL -> {
                if (entity != RuleEntity.CUSTOMER_ENTITY || owners.pool() == null) {
                    throw new SalesDeskException("rule.run.unavailable");
                }
                Customer c = customer(actor, match.recordId());
                if (c.ownerId() == null) {
                    return say("done.alreadyPool");
                }
                owners.pool().release(actor, c.id(), c.version(), text.isEmpty() ? say("pool.reason", rule.name()) : text);
                return say("done.pool");
            }
            case FREEZE_ORDERS -> {
                if (orders == null || entity == RuleEntity.LEAD_ENTITY || match.customerId() == null) {
                    throw new SalesDeskException("rule.run.unavailable");
                }
                List<String> categories = RuleEvaluator.values(action.value());
                int held = orders.hold(actor, match.customerId(),
                        entity == RuleEntity.OPPORTUNITY_ENTITY ? match.recordId() : null, categories,
                        text.isEmpty() ? say("freeze.reason", rule.name()) : text);
                return say(held == 0 ? "done.frozenAlready" : "done.frozen", String.join("、", categories));
            }
            case START_APPROVAL -> {
                return startApproval(actor, rule, entity, match, text);
            }
            case MOVE_ON_BOARD -> {
                return moveOnBoard(actor, rule, entity, action, match);
            }
            case WEBHOOK -> {
                if (webhook == null) {
                    throw new SalesDeskException("rule.run.unavailable");
                }
                return say("done.webhook", action.value().strip(), webhook.post(action.value(), rule, entity, match, now));
            }
        }
        throw new IllegalStateException("unknown action " + action.kind());
    }

    private String assign(Actor actor, AutomationRule rule, RuleEntity entity, String to, RuleMatch match) {
        String why = say("assign.reason", rule.name());
        if (RuleAction.AUTO.equals(to)) {
            if (entity != RuleEntity.LEAD_ENTITY || owners.autoAssign() == null) {
                throw new SalesDeskException("rule.run.unavailable");
            }
            return say("done.assign", owners.autoAssign().assign(actor, match.recordId()));
        }
        UUID owner = UUID.fromString(to);
        String name = db.transactionResult(cfg -> UserRepository.using(cfg, clock).byId(owner))
                .map(User::displayName).orElseThrow(() -> new SalesDeskException("rule.run.noUser"));
        if (owner.equals(match.ownerId())) {
            return say("done.assignSame", name);
        }
        if (entity == RuleEntity.CUSTOMER_ENTITY) {
            Customer c = customer(actor, match.recordId());
            customers.transfer(actor, c.id(), c.version(), owner, why);
        } else if (entity == RuleEntity.LEAD_ENTITY && owners.leads() != null) {
            Lead lead = owners.leads().find(actor, match.recordId()).orElseThrow(() -> new SalesDeskException("rule.run.gone"));
            owners.leads().reassign(actor, lead.id(), lead.version(), owner, why);
        } else if (entity == RuleEntity.OPPORTUNITY_ENTITY && owners.opportunities() != null) {
            Opportunity o = owners.opportunities().find(actor, match.recordId())
                    .orElseThrow(() -> new SalesDeskException("rule.run.gone"));
            OpportunityDraft d = o.toDraft();
            owners.opportunities().update(actor, o.id(), o.version(), new OpportunityDraft(d.customerId(), d.name(),
                    owner, d.stage(), d.amount(), d.expectedCloseOn(), d.probability(), d.products(), d.closeReason()));
        } else {
            throw new SalesDeskException("rule.run.unavailable");
        }
        return say("done.assign", name);
    }

    /**
     * Moves the record's card on a board through the board's move (so the stage rules, the choice field's
     * checks and the audit trail apply); a refusal is this firing's failure with the reason. A card
     * already in the column is left alone, so a rule set off by its own move does nothing the second time.
     */
    private String moveOnBoard(Actor actor, AutomationRule rule, RuleEntity entity, RuleAction action, RuleMatch match) {
        if (boards == null) {
            throw new SalesDeskException("rule.run.unavailable");
        }
        Board board = RuleBoards.find(db, clock, action.field())
                .filter(b -> RuleBoards.kindOf(entity.key()).orElse(null) == b.kind())
                .orElseThrow(() -> new SalesDeskException("rule.run.noBoard"));
        String column = action.value() == null ? "" : action.value().strip();
        ColumnValue target = boards.columns(board).stream().filter(c -> c.key().equals(column)).findFirst()
                .orElseThrow(() -> new SalesDeskException("rule.run.noColumn", board.name(), column));
        String shown = locale.getLanguage().equals("zh") ? target.nameZh() : target.nameEn();
        Card card = boards.current(actor, board, match.recordId())
                .orElseThrow(() -> new SalesDeskException("rule.run.gone"));
        if (column.equals(card.column())) {
            return say("done.moveSame", board.name(), shown);
        }
        try {
            boards.move(actor, board, card, column, say("move.reason", rule.name()), null, null, false);
        } catch (WipLimitExceededException e) {
            throw new SalesDeskException("rule.run.wipFull", board.name(), shown, e.limit());
        } catch (ValidationException e) {
            throw new SalesDeskException("rule.run.moveRefused", board.name(), shown, e.problems().stream()
                    .map(this::problem).collect(Collectors.joining("；")));
        }
        return say("done.move", board.name(), shown);
    }

    /** A refusal in the run log's words where the rules know them (the stage rules), else its key. */
    private String problem(FieldProblem p) {
        ResourceBundle words = ResourceBundle.getBundle("io.salesdesk.studio.rule.rules", locale);
        return words.containsKey(p.messageKey()) ? say(p.messageKey(), p.arguments().toArray()) : p.messageKey();
    }

    /** Submits the record to the flow set up for rules on its entity (RuleApprovals). */
    private String startApproval(Actor actor, AutomationRule rule, RuleEntity entity, RuleMatch match, String title) {
        if (approvals == null) {
            throw new SalesDeskException("rule.run.unavailable");
        }
        RuleRecord record = db.transactionResult(cfg -> RuleMatchRepository.using(cfg).record(entity, match.recordId()))
                .orElseThrow(() -> new SalesDeskException("rule.run.gone"));
        String shown = title.isEmpty() ? rule.name() + "：" + match.label() : title;
        ApprovalSubject subject = new ApprovalSubject(entity.auditName(), RuleApprovals.ACTION, match.recordId(),
                shown, RuleApprovals.fields(entity, record));
        // Submitted on behalf of the record's owner, so "the submitter's manager" is the owner's manager.
        Actor submitter = match.ownerId() == null ? actor : db.transactionResult(cfg -> UserRepository.using(cfg, clock)
                .byId(match.ownerId())).map(User::asActor).orElse(actor);
        return approvals.submit(submitter, subject).map(r -> say("done.approval", shown))
                .orElseThrow(() -> new SalesDeskException("rule.run.noFlow"));
    }

    private Customer customer(Actor actor, UUID id) {
        return customers.open(actor, id).orElseThrow(() -> new SalesDeskException("rule.run.gone")).customer();
    }

    private void notify(List<UUID> to, AutomationRule rule, RuleEntity entity, RuleMatch match, String text) {
        db.transaction(cfg -> NotificationRepository.using(cfg, clock).send(to, RuleRunner.NOTIFY_KIND,
                say("notify.title", rule.name(), match.label()), text, entity.auditName(), match.recordId()));
    }

    private void setField(Actor actor, AutomationRule rule, RuleEntity entity, RuleAction action, UUID recordId) {
        if (RuleFields.isCustom(action.field())) {
            customFields.setValues(actor, entity.custom(), recordId,
                    Map.of(RuleFields.customKey(action.field()), action.value()));
            return;
        }
        if (entity != RuleEntity.CUSTOMER_ENTITY) {
            throw new SalesDeskException("rule.action.field", action.field());
        }
        Customer c = customer(actor, recordId);
        CustomerDraft d = c.toDraft();
        CustomerDraft changed = switch (action.field()) {
            case "tier" -> new CustomerDraft(d.name(), d.creditCode(), Tier.valueOf(action.value().strip()),
                    d.industry(), d.regionCode(), d.address(), d.phone(), d.ownerId());
            case "industry" -> new CustomerDraft(d.name(), d.creditCode(), d.tier(), action.value().strip(),
                    d.regionCode(), d.address(), d.phone(), d.ownerId());
            default -> throw new SalesDeskException("rule.action.field", action.field());
        };
        if (!changed.equals(d)) {
            customers.update(actor, recordId, c.version(), changed, reason(rule));
        }
    }

    private static UUID requireOwner(RuleMatch match) {
        if (match.ownerId() == null) {
            throw new SalesDeskException("rule.run.noOwner");
        }
        return match.ownerId();
    }

    static ChangeReason reason(AutomationRule rule) {
        return ChangeReason.of(ChangeReason.Kind.RULE, rule.name());
    }

    /** {@code {客户}} (or {@code {customer}}, {@code {记录}}, {@code {record}}) in a rule's text is the record's name. */
    static String fill(String text, RuleMatch match) {
        return text.replace("{客户}", match.label()).replace("{customer}", match.label())
                .replace("{记录}", match.label()).replace("{record}", match.label()).strip();
    }

    private String say(String key, Object... args) {
        ResourceBundle words = ResourceBundle.getBundle("io.salesdesk.studio.rule.rules", locale);
        return new MessageFormat(words.getString(key), locale).format(args);
    }
}
