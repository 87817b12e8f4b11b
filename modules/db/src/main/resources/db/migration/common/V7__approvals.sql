-- Approvals: flows drawn by the business (versioned definitions, JSON), requests that keep the
-- version they started with and the route it resolved to, one row per step of that route and
-- one task per approver of a step, and every action taken (the request's history).

CREATE TABLE approval_flow (
    id               UUID          NOT NULL PRIMARY KEY,
    entity           VARCHAR(40)   NOT NULL,
    trigger_action   VARCHAR(40)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    current_version  INTEGER       NOT NULL,
    active           BOOLEAN       NOT NULL,
    version          BIGINT        NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       UUID,
    deleted_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_approval_flow_trigger ON approval_flow (entity, trigger_action);

-- Each saved definition is a new row; a running request points at the one it started with.
CREATE TABLE approval_flow_version (
    flow_id          UUID           NOT NULL,
    version_no       INTEGER        NOT NULL,
    definition_json  VARCHAR(200000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID,
    CONSTRAINT pk_approval_flow_version PRIMARY KEY (flow_id, version_no),
    CONSTRAINT fk_approval_flow_version_flow FOREIGN KEY (flow_id) REFERENCES approval_flow (id)
);

CREATE TABLE approval_request (
    id              UUID          NOT NULL PRIMARY KEY,
    flow_id         UUID          NOT NULL,
    flow_version    INTEGER       NOT NULL,
    entity          VARCHAR(40)   NOT NULL,
    trigger_action  VARCHAR(40)   NOT NULL,
    record_id       UUID          NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    submitter_id    UUID          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    fields_json     VARCHAR(20000) NOT NULL,
    route_json      VARCHAR(100000) NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE,
    version         BIGINT        NOT NULL,
    CONSTRAINT fk_approval_request_version FOREIGN KEY (flow_id, flow_version)
        REFERENCES approval_flow_version (flow_id, version_no),
    CONSTRAINT fk_approval_request_submitter FOREIGN KEY (submitter_id) REFERENCES app_user (id)
);
CREATE INDEX ix_approval_request_record ON approval_request (entity, record_id);
CREATE INDEX ix_approval_request_submitter ON approval_request (submitter_id, status);

-- One row per step of the request's route. The version column makes deciding a step a
-- compare-and-set: of two approvers acting on a first-wins step at once, exactly one decides.
CREATE TABLE approval_step (
    request_id     UUID          NOT NULL,
    step_key       VARCHAR(60)   NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    mode           VARCHAR(16)   NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    -- Raised each time the step is activated: a step sent back to signs again in a new round,
    -- and only that round's tasks decide it.
    round_no       INTEGER       NOT NULL,
    activated_at   TIMESTAMP WITH TIME ZONE,
    due_at         TIMESTAMP WITH TIME ZONE,
    decided_at     TIMESTAMP WITH TIME ZONE,
    version        BIGINT        NOT NULL,
    CONSTRAINT pk_approval_step PRIMARY KEY (request_id, step_key),
    CONSTRAINT fk_approval_step_request FOREIGN KEY (request_id) REFERENCES approval_request (id)
);
CREATE INDEX ix_approval_step_due ON approval_step (status, due_at);

CREATE TABLE approval_task (
    id            UUID          NOT NULL PRIMARY KEY,
    request_id    UUID          NOT NULL,
    step_key      VARCHAR(60)   NOT NULL,
    round_no      INTEGER       NOT NULL,
    seq           INTEGER       NOT NULL,
    approver_id   UUID          NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    acted_at      TIMESTAMP WITH TIME ZONE,
    note          VARCHAR(2000),
    version       BIGINT        NOT NULL,
    CONSTRAINT fk_approval_task_step FOREIGN KEY (request_id, step_key) REFERENCES approval_step (request_id, step_key),
    CONSTRAINT fk_approval_task_approver FOREIGN KEY (approver_id) REFERENCES app_user (id)
);
CREATE INDEX ix_approval_task_inbox ON approval_task (approver_id, status);
CREATE INDEX ix_approval_task_request ON approval_task (request_id, step_key);

-- What happened to a request, in order: submitted, approved, rejected, transferred, recalled,
-- skipped, commented. The request's history as its people see it.
CREATE TABLE approval_event (
    id           UUID          NOT NULL PRIMARY KEY,
    request_id   UUID          NOT NULL,
    -- 1, 2, 3… within the request: the order of events, also when several share a millisecond.
    position_no  INTEGER       NOT NULL,
    step_key     VARCHAR(60),
    actor_id     UUID,
    kind         VARCHAR(20)   NOT NULL,
    note         VARCHAR(2000),
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_approval_event_request FOREIGN KEY (request_id) REFERENCES approval_request (id)
);
CREATE INDEX ix_approval_event_request ON approval_event (request_id, position_no);
