-- The daily report (日报): the log of generated reports, and the indexes its day-window queries need.
-- The schedule itself (on/off, time, recipients, channels) is a handful of workspace settings.

CREATE TABLE daily_report_run (
    id             UUID          NOT NULL PRIMARY KEY,
    -- One scheduled run per period and scope: the insert is the lease, a second client's insert fails.
    run_key        VARCHAR(120)  NOT NULL,
    first_day      DATE          NOT NULL,
    last_day       DATE          NOT NULL,
    scope_unit_id  UUID,
    scope_name     VARCHAR(200)  NOT NULL,
    trigger_kind   VARCHAR(10)   NOT NULL,
    status         VARCHAR(10)   NOT NULL,
    xlsx_path      VARCHAR(1000),
    pdf_path       VARCHAR(1000),
    summary        VARCHAR(2000),
    error_text     VARCHAR(1000),
    sent_count     INTEGER       NOT NULL,
    generated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    generated_by   UUID,
    CONSTRAINT uq_daily_report_run_key UNIQUE (run_key),
    CONSTRAINT ck_daily_report_run_status CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT ck_daily_report_run_trigger CHECK (trigger_kind IN ('SCHEDULE', 'MANUAL', 'CLI'))
);
CREATE INDEX ix_daily_report_run_generated ON daily_report_run (generated_at);

-- Day windows over the whole company (all owners at once), not per owner.
CREATE INDEX ix_report_activity_occurred ON activity (occurred_at);
CREATE INDEX ix_report_change_log_entity_time ON change_log (entity, changed_at);
CREATE INDEX ix_report_approval_request_status ON approval_request (status, submitted_at);
CREATE INDEX ix_report_escalation_raised ON escalation (raised_at);
CREATE INDEX ix_report_order_freeze_held ON order_freeze (held_from);
