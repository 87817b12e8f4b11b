package io.salesdesk.studio.rule;

import static io.salesdesk.db.jooq.Tables.AUTOMATION_RULE;
import static io.salesdesk.db.jooq.Tables.AUTOMATION_RUN;

import io.salesdesk.core.Ids;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The run log of automation rules. */
final class RuleRunRepository {

    private final DSLContext dsl;
    private final Clock clock;

    private RuleRunRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    static RuleRunRepository using(Configuration configuration, Clock clock) {
        return new RuleRunRepository(configuration, clock);
    }

    void insert(RuleRun run) {
        dsl.insertInto(AUTOMATION_RUN)
                .set(AUTOMATION_RUN.ID, Ids.newId(clock))
                .set(AUTOMATION_RUN.RULE_ID, run.ruleId())
                .set(AUTOMATION_RUN.RULE_VERSION, run.ruleVersion())
                .set(AUTOMATION_RUN.RECORD_ID, run.recordId())
                .set(AUTOMATION_RUN.RECORD_LABEL, shorten(run.recordLabel(), 200))
                .set(AUTOMATION_RUN.RAN_AT, run.ranAt())
                .set(AUTOMATION_RUN.OUTCOME, run.outcome().name())
                .set(AUTOMATION_RUN.ACTIONS_TAKEN, shorten(run.actionsTaken(), 2000))
                .set(AUTOMATION_RUN.ERROR_TEXT, run.error() == null ? null : shorten(run.error(), 1000))
                .execute();
    }

    /** The newest runs, of one rule or (ruleId null) of all, newest first. */
    List<RuleRun> recent(UUID ruleId, int limit) {
        Condition which = ruleId == null ? DSL.trueCondition() : AUTOMATION_RUN.RULE_ID.eq(ruleId);
        return dsl.select(AUTOMATION_RUN.asterisk(), AUTOMATION_RULE.NAME).from(AUTOMATION_RUN)
                .join(AUTOMATION_RULE).on(AUTOMATION_RULE.ID.eq(AUTOMATION_RUN.RULE_ID))
                .where(which).orderBy(AUTOMATION_RUN.RAN_AT.desc(), AUTOMATION_RUN.ID.desc()).limit(limit)
                .fetch(r -> new RuleRun(r.get(AUTOMATION_RUN.ID), r.get(AUTOMATION_RUN.RULE_ID),
                        r.get(AUTOMATION_RULE.NAME), r.get(AUTOMATION_RUN.RULE_VERSION), r.get(AUTOMATION_RUN.RECORD_ID),
                        r.get(AUTOMATION_RUN.RECORD_LABEL), r.get(AUTOMATION_RUN.RAN_AT),
                        RuleRun.Outcome.valueOf(r.get(AUTOMATION_RUN.OUTCOME)), r.get(AUTOMATION_RUN.ACTIONS_TAKEN),
                        r.get(AUTOMATION_RUN.ERROR_TEXT)));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
