-- Opportunities and their pipeline, tasks, escalations and the kanban boards that show them.

-- The stages of the pipeline are data: their order, the probability a deal in them gets by
-- default, whether they close the deal, and what a deal must have to enter them.
CREATE TABLE opportunity_stage (
    code                VARCHAR(20)  NOT NULL PRIMARY KEY,
    name_zh             VARCHAR(40)  NOT NULL,
    name_en             VARCHAR(40)  NOT NULL,
    sort_order          INTEGER      NOT NULL,
    probability         INTEGER      NOT NULL,
    outcome             VARCHAR(8)   NOT NULL,
    requires_amount     BOOLEAN      NOT NULL,
    requires_close_date BOOLEAN      NOT NULL,
    colour              VARCHAR(7)   NOT NULL
);
INSERT INTO opportunity_stage VALUES ('INITIAL', '初步接洽', 'First contact', 1, 10, 'OPEN', FALSE, FALSE, '#8C959F');
INSERT INTO opportunity_stage VALUES ('NEEDS', '需求确认', 'Needs confirmed', 2, 20, 'OPEN', FALSE, FALSE, '#0969DA');
INSERT INTO opportunity_stage VALUES ('SOLUTION', '方案演示', 'Solution demo', 3, 35, 'OPEN', FALSE, FALSE, '#1F883D');
INSERT INTO opportunity_stage VALUES ('QUOTE', '报价', 'Quote', 4, 50, 'OPEN', TRUE, FALSE, '#9A6700');
INSERT INTO opportunity_stage VALUES ('NEGOTIATION', '商务谈判', 'Negotiation', 5, 70, 'OPEN', TRUE, TRUE, '#BC4C00');
INSERT INTO opportunity_stage VALUES ('CONTRACT', '合同审批', 'Contract review', 6, 85, 'OPEN', TRUE, TRUE, '#8250DF');
INSERT INTO opportunity_stage VALUES ('WON', '赢单', 'Won', 7, 100, 'WON', TRUE, FALSE, '#1A7F37');
INSERT INTO opportunity_stage VALUES ('LOST', '输单', 'Lost', 8, 0, 'LOST', FALSE, FALSE, '#CF222E');

-- A deal being worked with a customer. board_rank orders cards within a column: a string that
-- sorts between its neighbours, so a move rewrites one row, never the whole column.
CREATE TABLE opportunity (
    id                UUID          NOT NULL PRIMARY KEY,
    customer_id       UUID          NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    owner_id          UUID          NOT NULL,
    stage             VARCHAR(20)   NOT NULL,
    amount            DECIMAL(18,2),
    expected_close_on DATE,
    probability       INTEGER       NOT NULL,
    products          VARCHAR(1000),
    close_reason      VARCHAR(500),
    stage_changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at         TIMESTAMP WITH TIME ZONE,
    board_rank        VARCHAR(64)   NOT NULL,
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        UUID,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        UUID,
    deleted_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_opportunity_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_opportunity_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT fk_opportunity_stage FOREIGN KEY (stage) REFERENCES opportunity_stage (code)
);
CREATE INDEX ix_opportunity_stage_rank ON opportunity (stage, board_rank);
CREATE INDEX ix_opportunity_owner ON opportunity (owner_id);
CREATE INDEX ix_opportunity_customer ON opportunity (customer_id);

-- Something a person has to do, on a task board and on My Day.
CREATE TABLE task (
    id             UUID          NOT NULL PRIMARY KEY,
    title          VARCHAR(200)  NOT NULL,
    description    VARCHAR(4000),
    assignee_id    UUID          NOT NULL,
    status         VARCHAR(12)   NOT NULL,
    priority       VARCHAR(8)    NOT NULL,
    due_at         TIMESTAMP WITH TIME ZONE,
    customer_id    UUID,
    opportunity_id UUID,
    reminded_at    TIMESTAMP WITH TIME ZONE,
    completed_at   TIMESTAMP WITH TIME ZONE,
    board_rank     VARCHAR(64)   NOT NULL,
    version        BIGINT        NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     UUID,
    deleted_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_task_assignee FOREIGN KEY (assignee_id) REFERENCES app_user (id),
    CONSTRAINT fk_task_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_task_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id)
);
CREATE INDEX ix_task_status_rank ON task (status, board_rank);
CREATE INDEX ix_task_assignee_due ON task (assignee_id, due_at);
CREATE INDEX ix_task_customer ON task (customer_id);

CREATE TABLE task_checklist_item (
    id          UUID          NOT NULL PRIMARY KEY,
    task_id     UUID          NOT NULL,
    sort_order  INTEGER       NOT NULL,
    label       VARCHAR(300)  NOT NULL,
    done        BOOLEAN       NOT NULL,
    version     BIGINT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_task_checklist_task FOREIGN KEY (task_id) REFERENCES task (id)
);
CREATE INDEX ix_task_checklist_task ON task_checklist_item (task_id);

CREATE TABLE task_comment (
    id          UUID          NOT NULL PRIMARY KEY,
    task_id     UUID          NOT NULL,
    author_id   UUID          NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    version     BIGINT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_task_comment_task FOREIGN KEY (task_id) REFERENCES task (id),
    CONSTRAINT fk_task_comment_author FOREIGN KEY (author_id) REFERENCES app_user (id)
);
CREATE INDEX ix_task_comment_task ON task_comment (task_id);

-- Something that went wrong and needs a supervisor: raised by rules (overdue follow-up, stuck
-- approval), worked on the supervisor's board. owner_id is the person who should have acted;
-- the supervisors who see the card are those whose org subtree holds that person.
CREATE TABLE escalation (
    id               UUID          NOT NULL PRIMARY KEY,
    kind             VARCHAR(40)   NOT NULL,
    subject_entity   VARCHAR(40)   NOT NULL,
    subject_id       UUID          NOT NULL,
    subject_label    VARCHAR(200)  NOT NULL,
    owner_id         UUID          NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE,
    raised_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at  TIMESTAMP WITH TIME ZONE,
    acknowledged_by  UUID,
    resolved_at      TIMESTAMP WITH TIME ZONE,
    resolved_by      UUID,
    resolution_note  VARCHAR(1000),
    board_rank       VARCHAR(64)   NOT NULL,
    version          BIGINT        NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       UUID,
    deleted_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_escalation_owner FOREIGN KEY (owner_id) REFERENCES app_user (id)
);
CREATE INDEX ix_escalation_status_rank ON escalation (status, board_rank);
CREATE INDEX ix_escalation_subject ON escalation (subject_id);
CREATE INDEX ix_escalation_owner ON escalation (owner_id);

-- A board definition: which kind of item it shows and how (columns, swimlanes, card fields,
-- filters, WIP limits, colours), as JSON read by the board module. Several per kind.
CREATE TABLE board (
    id          UUID           NOT NULL PRIMARY KEY,
    kind        VARCHAR(20)    NOT NULL,
    name        VARCHAR(100)   NOT NULL,
    sort_order  INTEGER        NOT NULL,
    definition  VARCHAR(20000) NOT NULL,
    version     BIGINT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    deleted_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_board_kind ON board (kind, sort_order);

-- The boards every workspace starts with; users change them or add their own.
INSERT INTO board (id, kind, name, sort_order, definition, version, created_at, updated_at) VALUES
 ('0192f000-0000-7000-8000-000000000001', 'OPPORTUNITY', '销售漏斗', 1,
  '{"groupBy":"stage","swimlane":null,"cardFields":["customer","amount","expectedCloseOn","owner","daysInStage"],"filter":{"mineOnly":false,"regionPrefix":null,"products":null,"tier":null},"columns":[{"key":"NEGOTIATION","wipLimit":30,"colour":null,"hidden":false},{"key":"CONTRACT","wipLimit":15,"colour":null,"hidden":false}]}',
  1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO board (id, kind, name, sort_order, definition, version, created_at, updated_at) VALUES
 ('0192f000-0000-7000-8000-000000000002', 'OPPORTUNITY', 'A 类客户攻坚', 2,
  '{"groupBy":"stage","swimlane":"owner","cardFields":["customer","amount","probability","expectedCloseOn"],"filter":{"mineOnly":false,"regionPrefix":null,"products":null,"tier":"A"},"columns":[{"key":"WON","wipLimit":null,"colour":null,"hidden":true},{"key":"LOST","wipLimit":null,"colour":null,"hidden":true}]}',
  1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO board (id, kind, name, sort_order, definition, version, created_at, updated_at) VALUES
 ('0192f000-0000-7000-8000-000000000003', 'TASK', '任务看板', 1,
  '{"groupBy":"status","swimlane":null,"cardFields":["due","priority","customer","checklist","assignee"],"filter":{"mineOnly":false,"regionPrefix":null,"products":null,"tier":null},"columns":[{"key":"DOING","wipLimit":10,"colour":null,"hidden":false}]}',
  1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO board (id, kind, name, sort_order, definition, version, created_at, updated_at) VALUES
 ('0192f000-0000-7000-8000-000000000004', 'ESCALATION', '督办看板', 1,
  '{"groupBy":"status","swimlane":null,"cardFields":["kind","owner","reason","due","raisedAt"],"filter":{"mineOnly":false,"regionPrefix":null,"products":null,"tier":null},"columns":[]}',
  1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
