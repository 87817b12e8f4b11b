package io.salesdesk.insight.funnel;

import io.salesdesk.crm.ActivityKind;

/**
 * What a funnel node measures on a deal, with its threshold: a small closed set, each computed in
 * SQL over the deal's customer's activities and the deal's stage moves. An activity "matches" when
 * it is of the kind (any kind when null) and its note contains the keyword (any note when null).
 */
public sealed interface Measure {

    /** The stored name of the measure's kind. */
    Kind kind();

    /** The closed set of measure kinds, as stored in {@code funnel_node.measure}. */
    enum Kind {
        ACTIVITY_BEFORE_STAGE, ACTIVITY_COUNT, REPLY_WITHIN, STAGE_WITHIN
    }

    /**
     * A matching activity happened after the deal was opened and before it reached {@code stage}
     * (e.g. 演示前发送资料: a note "资料" before 方案演示). The measured value is how many hours ahead.
     */
    record ActivityBeforeStage(ActivityKind activityKind, String keyword, String stage) implements Measure {
        @Override
        public Kind kind() {
            return Kind.ACTIVITY_BEFORE_STAGE;
        }
    }

    /**
     * At least {@code minimum} matching activities within {@code days} days from the deal reaching
     * {@code fromStage} (from its opening when null), e.g. 试用期内互动 ≥ 3 次.
     */
    record ActivityCount(ActivityKind activityKind, String keyword, String fromStage, int days, int minimum)
            implements Measure {
        @Override
        public Kind kind() {
            return Kind.ACTIVITY_COUNT;
        }
    }

    /**
     * Every customer's inbound activity (the kind and keyword that mark a customer's question, e.g. a
     * note "提问") got a reply (any later activity that is not itself a question) within {@code hours}.
     * The measured value is the slowest reply in hours.
     */
    record ReplyWithin(ActivityKind activityKind, String keyword, int hours) implements Measure {
        @Override
        public Kind kind() {
            return Kind.REPLY_WITHIN;
        }
    }

    /** The deal reached {@code stage} (or a later open or won stage) within {@code days} of opening. */
    record StageWithin(String stage, int days) implements Measure {
        @Override
        public Kind kind() {
            return Kind.STAGE_WITHIN;
        }
    }
}
