-- Studio (issue #10), part C: automation rules that business users build (自动化规则).

-- A rule: on which records (entity), when (trigger), for which of them (conditions) and what it does
-- (actions). Trigger, conditions and actions are small JSON documents read by the studio module.
-- active_since is when the rule was last switched on; scanned_seq is how far a "field changed to" rule
-- has read the change log. disabled_reason says why the runner switched a rule off (a field it uses was
-- retired). suggestion is the key of the ready-made rule it was added from, if any.
CREATE TABLE automation_rule (
    id            UUID          NOT NULL PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL,
    entity        VARCHAR(16)   NOT NULL,
    rule_trigger  VARCHAR(1000) NOT NULL,
    conditions    VARCHAR(8000) NOT NULL,
    actions       VARCHAR(8000) NOT NULL,
    enabled       BOOLEAN       NOT NULL,
    disabled_reason VARCHAR(300),
    active_since  TIMESTAMP WITH TIME ZONE NOT NULL,
    scanned_seq   BIGINT,
    suggestion    VARCHAR(40),
    version       BIGINT        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    deleted_at    TIMESTAMP WITH TIME ZONE
);

-- Every saved version of a rule's definition, so the run log can say which version acted.
CREATE TABLE automation_rule_version (
    rule_id       UUID          NOT NULL,
    version       BIGINT        NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    rule_trigger  VARCHAR(1000) NOT NULL,
    conditions    VARCHAR(8000) NOT NULL,
    actions       VARCHAR(8000) NOT NULL,
    enabled       BOOLEAN       NOT NULL,
    saved_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by      UUID,
    CONSTRAINT pk_automation_rule_version PRIMARY KEY (rule_id, version),
    CONSTRAINT fk_automation_rule_version_rule FOREIGN KEY (rule_id) REFERENCES automation_rule (id)
);

-- One firing of a rule on a record, once per anchor (the last matching activity, the creation time or
-- the change): a second run, a second client or a catch-up after a week finds the row and does nothing.
-- task_id is the task the firing created, so the rule does not create another while it is open.
CREATE TABLE automation_firing (
    rule_id     UUID        NOT NULL,
    record_id   UUID        NOT NULL,
    anchor      TIMESTAMP WITH TIME ZONE NOT NULL,
    fired_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    task_id     UUID,
    CONSTRAINT pk_automation_firing PRIMARY KEY (rule_id, record_id, anchor),
    CONSTRAINT fk_automation_firing_rule FOREIGN KEY (rule_id) REFERENCES automation_rule (id)
);

-- The run log: what each firing did, in words a user reads, and whether it worked.
CREATE TABLE automation_run (
    id            UUID          NOT NULL PRIMARY KEY,
    rule_id       UUID          NOT NULL,
    rule_version  BIGINT        NOT NULL,
    record_id     UUID          NOT NULL,
    record_label  VARCHAR(200)  NOT NULL,
    ran_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome       VARCHAR(12)   NOT NULL,
    actions_taken VARCHAR(2000) NOT NULL,
    error_text    VARCHAR(1000),
    CONSTRAINT fk_automation_run_rule FOREIGN KEY (rule_id) REFERENCES automation_rule (id)
);
CREATE INDEX ix_automation_run_rule_time ON automation_run (rule_id, ran_at);
CREATE INDEX ix_automation_run_time ON automation_run (ran_at);
