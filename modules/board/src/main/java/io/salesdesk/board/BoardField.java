package io.salesdesk.board;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A field a board can show on its cards, group its columns by, or split into swimlanes. A board
 * definition names fields by key, so a definition saved today still opens when a field is retired:
 * the board then says which key it no longer knows.
 */
public enum BoardField {
    // Opportunities
    STAGE(BoardKind.OPPORTUNITY, "stage", true, false),
    CUSTOMER(BoardKind.OPPORTUNITY, "customer", false, false),
    AMOUNT(BoardKind.OPPORTUNITY, "amount", false, false),
    EXPECTED_CLOSE(BoardKind.OPPORTUNITY, "expectedCloseOn", false, false),
    OWNER(BoardKind.OPPORTUNITY, "owner", false, true),
    PROBABILITY(BoardKind.OPPORTUNITY, "probability", false, false),
    PRODUCTS(BoardKind.OPPORTUNITY, "products", false, false),
    DAYS_IN_STAGE(BoardKind.OPPORTUNITY, "daysInStage", false, false),
    TIER(BoardKind.OPPORTUNITY, "tier", false, true),
    REGION(BoardKind.OPPORTUNITY, "region", false, true),
    // Tasks
    TASK_STATUS(BoardKind.TASK, "status", true, false),
    ASSIGNEE(BoardKind.TASK, "assignee", false, true),
    DUE(BoardKind.TASK, "due", false, false),
    PRIORITY(BoardKind.TASK, "priority", false, true),
    TASK_CUSTOMER(BoardKind.TASK, "customer", false, false),
    CHECKLIST(BoardKind.TASK, "checklist", false, false),
    // Escalations
    ESCALATION_STATUS(BoardKind.ESCALATION, "status", true, false),
    ESCALATION_KIND(BoardKind.ESCALATION, "kind", false, true),
    RESPONSIBLE(BoardKind.ESCALATION, "owner", false, true),
    REASON(BoardKind.ESCALATION, "reason", false, false),
    ESCALATION_DUE(BoardKind.ESCALATION, "due", false, false),
    RAISED(BoardKind.ESCALATION, "raisedAt", false, false),
    // Customers (a key-account board: 大客户专项攻坚)
    CUSTOMER_TIER(BoardKind.CUSTOMER, "tier", true, true),
    CUSTOMER_OWNER(BoardKind.CUSTOMER, "owner", false, true),
    CUSTOMER_REGION(BoardKind.CUSTOMER, "region", false, true),
    INDUSTRY(BoardKind.CUSTOMER, "industry", false, false),
    LAST_FOLLOW_UP(BoardKind.CUSTOMER, "lastFollowUpAt", false, false),
    NEXT_FOLLOW_UP(BoardKind.CUSTOMER, "nextFollowUpOn", false, false);

    private final BoardKind kind;
    private final String key;
    private final boolean groupable;
    private final boolean swimlane;

    BoardField(BoardKind kind, String key, boolean groupable, boolean swimlane) {
        this.kind = kind;
        this.key = key;
        this.groupable = groupable;
        this.swimlane = swimlane;
    }

    public BoardKind kind() {
        return kind;
    }

    /** The key a definition stores, e.g. {@code amount}; unique within a kind. */
    public String key() {
        return key;
    }

    /** Whether columns can be made from this field's values (a move then changes the field). */
    public boolean groupable() {
        return groupable;
    }

    /** Whether the board can be split into swimlanes by this field. */
    public boolean swimlane() {
        return swimlane;
    }

    /** The field of this kind with this key. */
    public static Optional<BoardField> of(BoardKind kind, String key) {
        return Arrays.stream(values()).filter(f -> f.kind == kind && f.key.equals(key)).findFirst();
    }

    /** Every field of a kind, in the order a card shows them by default. */
    public static List<BoardField> of(BoardKind kind) {
        return Arrays.stream(values()).filter(f -> f.kind == kind).toList();
    }
}
