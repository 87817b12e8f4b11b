package io.salesdesk.commerce.collection;

import io.salesdesk.board.escalation.EscalationService;
import io.salesdesk.board.escalation.EscalationSubject;
import io.salesdesk.commerce.contract.FinanceTexts;
import io.salesdesk.core.BusinessTime;
import io.salesdesk.db.Database;
import io.salesdesk.db.Rows;
import io.salesdesk.db.WorkspaceSettings;
import io.salesdesk.workflow.notify.NotificationRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalates overdue collections (回款逾期): every item of a signed or executing contract that is
 * not fully paid some days after its due date goes to the contract owner's supervisor board with a
 * reason in words (customer, contract, open amount, days overdue), and the owner gets a message.
 *
 * <p>Each item is escalated once: {@code escalated_at} is stamped in the transaction that sends the
 * message, and only an item without a stamp is picked. A clock jump (the app closed for a month)
 * escalates each overdue item once, not once per missed run; raising is idempotent on the board,
 * so a crash between raising and stamping repeats the raise harmlessly.
 */
public final class OverdueScanner {

    /** The escalation's kind on the supervisor board. */
    public static final String KIND = "COLLECTION_OVERDUE";
    /** Workspace setting: days past the due date before an item is escalated (default 1). */
    public static final String AFTER_DAYS_KEY = "collection.escalateAfterDays";
    static final int DEFAULT_AFTER_DAYS = 1;
    /** Most items one run escalates; the next run goes on with the rest. */
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(OverdueScanner.class);

    private final Database db;
    private final Clock clock;
    private final EscalationService escalations;
    private final Locale locale;

    public OverdueScanner(Database db, Clock clock, EscalationService escalations, Locale locale) {
        this.db = db;
        this.clock = clock;
        this.escalations = escalations;
        this.locale = locale;
    }

    /** How many items this run escalated. */
    public int scan() {
        LocalDate today = BusinessTime.today(clock);
        int afterDays = afterDays();
        List<OverdueItem> due = db.transactionResult(cfg -> CollectionRepository.using(cfg, clock)
                .unescalated(today, today.minusDays(afterDays - 1L), BATCH));
        int raised = 0;
        for (OverdueItem item : due) {
            try {
                if (escalate(item)) {
                    raised++;
                }
            } catch (RuntimeException e) {
                // One item that cannot be escalated must not stop the others; it is tried again next run.
                LOG.error("Escalating overdue collection {} of {} failed", item.itemId(), item.contractNo(), e);
            }
        }
        return raised;
    }

    private boolean escalate(OverdueItem item) {
        OffsetDateTime now = Rows.now(clock);
        String milestone = FinanceTexts.say(locale, "milestone." + item.milestone().name());
        String reason = FinanceTexts.say(locale, "collection.overdue.reason", item.customerName(), item.contractNo(),
                milestone, item.open().toPlainString(), item.daysOverdue(), item.dueOn().toString(), item.ownerName());
        String label = FinanceTexts.say(locale, "collection.overdue.label", item.contractNo(), item.customerName(),
                milestone);
        escalations.raise(KIND, new EscalationSubject("collection_item", item.itemId(), label), item.ownerId(), reason,
                now.plusDays(1));
        return db.transactionResult(cfg -> {
            CollectionRepository items = CollectionRepository.using(cfg, clock);
            if (!items.markEscalated(item.itemId(), now)) {
                return false;
            }
            NotificationRepository.using(cfg, clock).send(List.of(item.ownerId()), "collection.overdue",
                    FinanceTexts.say(locale, "collection.overdue.title", label), reason, "contract", item.contractId());
            return true;
        });
    }

    private int afterDays() {
        String v = db.transactionResult(cfg -> WorkspaceSettings.using(cfg).get(AFTER_DAYS_KEY).orElse(null));
        try {
            return v == null ? DEFAULT_AFTER_DAYS : Math.max(1, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_AFTER_DAYS;
        }
    }
}
