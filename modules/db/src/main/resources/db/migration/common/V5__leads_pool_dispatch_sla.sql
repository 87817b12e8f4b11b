-- Leads and their dispatch, the public pool (公海), follow-up SLA rules with their timers, and
-- the in-app notification inbox.

-- A prospect not yet a customer. Dispatch writes who got it and why, in words, on the lead.
CREATE TABLE lead (
    id                  UUID          NOT NULL PRIMARY KEY,
    name                VARCHAR(200)  NOT NULL,
    contact_name        VARCHAR(100),
    phone               VARCHAR(40),
    address             VARCHAR(500),
    region_code         VARCHAR(6),
    industry            VARCHAR(32),
    tier                VARCHAR(1),
    source              VARCHAR(40),
    note                VARCHAR(2000),
    status              VARCHAR(16)   NOT NULL,
    owner_id            UUID,
    assigned_at         TIMESTAMP WITH TIME ZONE,
    assignment_reason   VARCHAR(1000),
    assignment_flag     VARCHAR(20),
    first_response_at   TIMESTAMP WITH TIME ZONE,
    response_minutes    INTEGER,
    disqualify_reason   VARCHAR(500),
    customer_id         UUID,
    opportunity_id      UUID,
    closed_at           TIMESTAMP WITH TIME ZONE,
    board_rank          VARCHAR(64)   NOT NULL,
    version             BIGINT        NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          UUID,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          UUID,
    deleted_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_lead_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT fk_lead_region FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT fk_lead_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_lead_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id)
);
CREATE INDEX ix_lead_status_rank ON lead (status, board_rank);
CREATE INDEX ix_lead_owner_status ON lead (owner_id, status);
CREATE INDEX ix_lead_created ON lead (created_at);

-- The places a rep sells in, at province, city or county level (GB/T 2260 codes).
CREATE TABLE rep_territory (
    user_id     UUID       NOT NULL,
    region_code VARCHAR(6) NOT NULL,
    CONSTRAINT pk_rep_territory PRIMARY KEY (user_id, region_code),
    CONSTRAINT fk_rep_territory_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_rep_territory_region FOREIGN KEY (region_code) REFERENCES region (code)
);

-- What dispatch needs to know about a rep beyond the user row: how much work a month they can
-- take, when they are away, and when they last got a lead (ties go to whoever waited longest).
CREATE TABLE rep_profile (
    user_id           UUID      NOT NULL PRIMARY KEY,
    monthly_capacity  INTEGER,
    away_from         DATE,
    away_until        DATE,
    last_assigned_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_rep_profile_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- Public pool: when the owner claimed the customer, until when nobody may take it back, and
-- when and why it went to the pool.
ALTER TABLE customer ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE customer ADD COLUMN protected_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE customer ADD COLUMN pooled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE customer ADD COLUMN pool_reason VARCHAR(200);
CREATE INDEX ix_customer_last_follow_up ON customer (last_follow_up_at);

-- Every claim, release and automatic return: the daily claim limit counts claims here.
CREATE TABLE pool_event (
    id          UUID         NOT NULL PRIMARY KEY,
    customer_id UUID         NOT NULL,
    user_id     UUID,
    kind        VARCHAR(10)  NOT NULL,
    happened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(500),
    CONSTRAINT fk_pool_event_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_pool_event_user_time ON pool_event (user_id, kind, happened_at);
CREATE INDEX ix_pool_event_customer ON pool_event (customer_id);

-- How long a claimed customer is protected and when an unworked one returns, per tier.
CREATE TABLE pool_policy (
    tier                    VARCHAR(1) NOT NULL PRIMARY KEY,
    protection_days         INTEGER    NOT NULL,
    return_no_follow_up_days INTEGER   NOT NULL,
    return_no_progress_days INTEGER    NOT NULL
);
INSERT INTO pool_policy VALUES ('A', 7, 60, 120);
INSERT INTO pool_policy VALUES ('B', 7, 45, 90);
INSERT INTO pool_policy VALUES ('C', 5, 30, 60);
INSERT INTO pool_policy VALUES ('D', 3, 20, 45);

-- Follow-up SLA rules. A rule measures the time since a field of its subject (a customer's last
-- follow-up, a lead's assignment) and, past each threshold, reminds the owner, or raises an
-- escalation on the supervisor's board and tells the manager. Minutes count working time only
-- when working_time is set. A rule acts on lapses that came due since it was switched on (less a
-- day's grace), so switching one on does not flood the board with years of backlog. Each threshold
-- remembers up to which anchor it has looked, so a run reads only the newest stretch of the index.
CREATE TABLE sla_rule (
    id                     UUID          NOT NULL PRIMARY KEY,
    code                   VARCHAR(40)   NOT NULL,
    name                   VARCHAR(100)  NOT NULL,
    subject                VARCHAR(16)   NOT NULL,
    since_field            VARCHAR(40)   NOT NULL,
    tier                   VARCHAR(1),
    remind_after_minutes   INTEGER,
    escalate_after_minutes INTEGER,
    notify_manager         BOOLEAN       NOT NULL,
    working_time           BOOLEAN       NOT NULL,
    enabled                BOOLEAN       NOT NULL,
    disabled_reason        VARCHAR(300),
    active_since           TIMESTAMP WITH TIME ZONE NOT NULL,
    remind_scanned_to      TIMESTAMP WITH TIME ZONE,
    escalate_scanned_to    TIMESTAMP WITH TIME ZONE,
    sort_order             INTEGER       NOT NULL,
    version                BIGINT        NOT NULL,
    CONSTRAINT uq_sla_rule_code UNIQUE (code)
);
INSERT INTO sla_rule VALUES ('0192f000-0000-7000-8000-000000000101', 'followUpA', 'A 类客户 3 天未跟进',
    'CUSTOMER', 'lastFollowUpAt', 'A', 2880, 4320, TRUE, FALSE, TRUE, NULL, CURRENT_TIMESTAMP, NULL, NULL, 1, 1);
INSERT INTO sla_rule VALUES ('0192f000-0000-7000-8000-000000000102', 'followUpB', 'B 类客户 7 天未跟进',
    'CUSTOMER', 'lastFollowUpAt', 'B', 7200, 10080, TRUE, FALSE, TRUE, NULL, CURRENT_TIMESTAMP, NULL, NULL, 2, 1);
INSERT INTO sla_rule VALUES ('0192f000-0000-7000-8000-000000000103', 'followUpC', 'C 类客户 15 天未跟进',
    'CUSTOMER', 'lastFollowUpAt', 'C', 17280, 21600, TRUE, FALSE, TRUE, NULL, CURRENT_TIMESTAMP, NULL, NULL, 3, 1);
INSERT INTO sla_rule VALUES ('0192f000-0000-7000-8000-000000000104', 'leadResponse30m', '线索 30 分钟未响应',
    'LEAD', 'assignedAt', NULL, NULL, 30, TRUE, TRUE, TRUE, NULL, CURRENT_TIMESTAMP, NULL, NULL, 4, 1);

-- Each action a rule took on a subject, once per lapse: the anchor is the value of the measured
-- field, so a new follow-up starts a new lapse, and a second client or a catch-up after downtime
-- finds the row and does nothing.
CREATE TABLE sla_firing (
    rule_id     UUID        NOT NULL,
    subject_id  UUID        NOT NULL,
    action      VARCHAR(10) NOT NULL,
    anchor      TIMESTAMP WITH TIME ZONE NOT NULL,
    fired_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sla_firing PRIMARY KEY (rule_id, subject_id, action, anchor),
    CONSTRAINT fk_sla_firing_rule FOREIGN KEY (rule_id) REFERENCES sla_rule (id)
);

-- The working calendar's exceptions: public holidays (HOLIDAY) and make-up working days on a
-- weekend (WORKDAY, 调休). Working hours themselves are workspace settings.
CREATE TABLE calendar_day (
    day   DATE         NOT NULL PRIMARY KEY,
    kind  VARCHAR(8)   NOT NULL,
    name  VARCHAR(60)  NOT NULL
);

-- The in-app inbox; the desktop shows unread ones as notifications.
CREATE TABLE notification (
    id             UUID          NOT NULL PRIMARY KEY,
    recipient_id   UUID          NOT NULL,
    kind           VARCHAR(40)   NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    body           VARCHAR(1000) NOT NULL,
    subject_entity VARCHAR(40),
    subject_id     UUID,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at        TIMESTAMP WITH TIME ZONE,
    shown_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_notification_recipient FOREIGN KEY (recipient_id) REFERENCES app_user (id)
);
CREATE INDEX ix_notification_recipient ON notification (recipient_id, read_at, created_at);
