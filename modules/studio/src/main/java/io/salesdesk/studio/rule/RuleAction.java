package io.salesdesk.studio.rule;

/**
 * One thing a rule does to a matching record.
 *
 * @param kind  what it does
 * @param text  the task title, the message, or the escalation reason; {@code {客户}} stands for the record's name
 * @param days  for {@link Kind#CREATE_TASK}: the task is due this many days after it is created
 * @param field for {@link Kind#SET_FIELD}: the field set
 * @param value for {@link Kind#SET_FIELD}: the value it gets; for {@link Kind#ASSIGN}: the new owner's user
 *              id, or {@link #AUTO} for the dispatch module's automatic assignment (leads); for
 *              {@link Kind#WEBHOOK}: the URL; for {@link Kind#MOVE_ON_BOARD}: the column's key
 *
 * For {@link Kind#MOVE_ON_BOARD}, {@code field} is the board's id.
 */
public record RuleAction(Kind kind, String text, Integer days, String field, String value) {

    /** The actions a rule can take. */
    public enum Kind {
        /** A task for the record's owner, once while it is open. */
        CREATE_TASK,
        /** A message in the owner's inbox (and the outbound channels that carry rule messages). */
        NOTIFY_OWNER,
        /** A message to the owner's manager. */
        NOTIFY_MANAGER,
        /** A card on the supervisor's escalation board. */
        ESCALATE,
        /** A field of the record gets a value. */
        SET_FIELD,
        /** The record gets a new owner: a named user, or (leads) the automatic assignment. */
        ASSIGN,
        /** A customer goes back to the public pool (公海), with the text as the reason. */
        RETURN_TO_POOL,
        /** The record is posted as JSON to a URL (an HTTP webhook); the answer goes into the run log. */
        WEBHOOK,
        /** The record is submitted to the approval flow set up for rules on its entity; text is the title. */
        START_APPROVAL,
        /** The customer's orders in some product categories (value, comma-separated) are held; text is the reason. */
        FREEZE_ORDERS,
        /**
         * The record's card goes to a column of a board (field: the board's id, value: the column's key):
         * the record gets what the column means (a stage, a tier, a choice field's value), through its own
         * service's checks.
         */
        MOVE_ON_BOARD;

        /** Whether the action is for the record's owner, so it cannot act on a record without one. */
        public boolean needsOwner() {
            return this == CREATE_TASK || this == NOTIFY_OWNER || this == NOTIFY_MANAGER || this == ESCALATE;
        }
    }

    /** {@link Kind#ASSIGN}'s value for "the automatic assignment" (lead dispatch). */
    public static final String AUTO = "AUTO";

    public static RuleAction createTask(String title, int dueInDays) {
        return new RuleAction(Kind.CREATE_TASK, title, dueInDays, null, null);
    }

    public static RuleAction notifyOwner(String message) {
        return new RuleAction(Kind.NOTIFY_OWNER, message, null, null, null);
    }

    public static RuleAction notifyManager(String message) {
        return new RuleAction(Kind.NOTIFY_MANAGER, message, null, null, null);
    }

    public static RuleAction escalate(String reason) {
        return new RuleAction(Kind.ESCALATE, reason, null, null, null);
    }

    public static RuleAction setField(String field, String value) {
        return new RuleAction(Kind.SET_FIELD, null, null, field, value);
    }

    /** @param userId the new owner's id as text, or {@link #AUTO} */
    public static RuleAction assign(String userId) {
        return new RuleAction(Kind.ASSIGN, null, null, null, userId);
    }

    public static RuleAction returnToPool(String reason) {
        return new RuleAction(Kind.RETURN_TO_POOL, reason, null, null, null);
    }

    /** @param title what approvers see in their inbox; {@code {客户}} is the record's name; blank: the rule's name */
    public static RuleAction startApproval(String title) {
        return new RuleAction(Kind.START_APPROVAL, title, null, null, null);
    }

    /** @param categories product categories, comma-separated; @param reason shown on the freeze, may be blank */
    public static RuleAction freezeOrders(String categories, String reason) {
        return new RuleAction(Kind.FREEZE_ORDERS, reason, null, null, categories);
    }

    /** @param board the board's id; @param column the key of the column the card goes to */
    public static RuleAction moveOnBoard(java.util.UUID board, String column) {
        return new RuleAction(Kind.MOVE_ON_BOARD, null, null, board.toString(), column);
    }

    public static RuleAction webhook(String url) {
        return new RuleAction(Kind.WEBHOOK, null, null, null, url);
    }
}
