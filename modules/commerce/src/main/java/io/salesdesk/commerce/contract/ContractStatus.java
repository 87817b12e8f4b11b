package io.salesdesk.commerce.contract;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a contract stands: 草稿 → 审批中 → 已签约 → 执行中 → 已关闭, or 作废 with a reason. A status
 * names the statuses it may move to; every other move is refused.
 */
public enum ContractStatus {
    DRAFT,
    IN_APPROVAL,
    SIGNED,
    EXECUTING,
    CLOSED,
    VOID;

    /** Whether a contract in this status may move to {@code next}. */
    public boolean canMoveTo(ContractStatus next) {
        return next().contains(next);
    }

    /** The statuses this one may move to. */
    public Set<ContractStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_APPROVAL, VOID);
            // Back to DRAFT when the approvers send it back.
            case IN_APPROVAL -> EnumSet.of(DRAFT, SIGNED, VOID);
            // Straight to CLOSED when everything was due and paid on signing.
            case SIGNED -> EnumSet.of(EXECUTING, CLOSED, VOID);
            case EXECUTING -> EnumSet.of(CLOSED, VOID);
            case CLOSED, VOID -> EnumSet.noneOf(ContractStatus.class);
        };
    }

    /** Whether money is owed on it: signed or executing. */
    public boolean isLive() {
        return this == SIGNED || this == EXECUTING;
    }
}
