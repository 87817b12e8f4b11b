-- Insight (issue #9), part F: funnels with micro-behaviour nodes and the coaching prompts they send;
-- tier action rules, their completion and the bonus coefficient bands derived from it.

-- A funnel is data: a name, which opportunities it applies to (those whose products contain the
-- filter text; null for all), and ordered nodes.
CREATE TABLE funnel (
    id             UUID          NOT NULL PRIMARY KEY,
    name           VARCHAR(100)  NOT NULL,
    product_filter VARCHAR(100),
    enabled        BOOLEAN       NOT NULL,
    version        BIGINT        NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     UUID,
    deleted_at     TIMESTAMP WITH TIME ZONE
);

-- One measurable behaviour over a deal's records with its threshold. measure is one of a closed set
-- (ACTIVITY_BEFORE_STAGE, ACTIVITY_COUNT, REPLY_WITHIN, STAGE_WITHIN); the other columns are its
-- parameters, unused ones null.
CREATE TABLE funnel_node (
    id            UUID          NOT NULL PRIMARY KEY,
    funnel_id     UUID          NOT NULL,
    sort_order    INTEGER       NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    measure       VARCHAR(24)   NOT NULL,
    activity_kind VARCHAR(16),
    keyword       VARCHAR(60),
    stage         VARCHAR(20),
    window_days   INTEGER,
    threshold     INTEGER       NOT NULL,
    version       BIGINT        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_funnel_node_funnel FOREIGN KEY (funnel_id) REFERENCES funnel (id)
);
CREATE INDEX ix_funnel_node_funnel ON funnel_node (funnel_id, sort_order);

-- The last evaluation of a node on a deal; prompted_at makes the coaching prompt go out once per
-- deal and node, whatever the number of scans or clients.
CREATE TABLE funnel_outcome (
    node_id        UUID          NOT NULL,
    opportunity_id UUID          NOT NULL,
    owner_id       UUID          NOT NULL,
    status         VARCHAR(8)    NOT NULL,
    measured       DECIMAL(12,1),
    evidence_at    TIMESTAMP WITH TIME ZONE,
    evaluated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    prompted_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_funnel_outcome PRIMARY KEY (node_id, opportunity_id),
    CONSTRAINT fk_funnel_outcome_node FOREIGN KEY (node_id) REFERENCES funnel_node (id),
    CONSTRAINT fk_funnel_outcome_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id)
);
CREATE INDEX ix_funnel_outcome_owner ON funnel_outcome (owner_id, node_id, status);
CREATE INDEX ix_funnel_outcome_opportunity ON funnel_outcome (opportunity_id);

-- Node measures look up a customer's activities of one kind in a time window, and the stage moves
-- of a deal in the change log.
CREATE INDEX ix_activity_customer_kind_time ON activity (customer_id, kind, occurred_at);
CREATE INDEX ix_change_log_entity_time ON change_log (entity, entity_id, changed_at);

-- "A 类客户：每月 2 次技术演示": tier, activity kind, count, period (MONTH or QUARTER).
CREATE TABLE tier_rule (
    id             UUID          NOT NULL PRIMARY KEY,
    name           VARCHAR(100)  NOT NULL,
    tier           VARCHAR(1)    NOT NULL,
    activity_kind  VARCHAR(16)   NOT NULL,
    required_count INTEGER       NOT NULL,
    period_kind    VARCHAR(8)    NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    version        BIGINT        NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     UUID,
    deleted_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_customer_tier_owner ON customer (tier, owner_id);
CREATE INDEX ix_activity_kind_time ON activity (kind, occurred_at);

-- The quarterly bonus coefficient as a piecewise formula: from lower_percent of completion upwards
-- (until the next band) the coefficient applies. Edited as a whole; the default is
-- below 60 % → 0.8, 60–90 % → 1.0, from 90 % → 1.2.
CREATE TABLE bonus_band (
    lower_percent INTEGER       NOT NULL PRIMARY KEY,
    coefficient   DECIMAL(4,2)  NOT NULL
);
INSERT INTO bonus_band (lower_percent, coefficient) VALUES (0, 0.80);
INSERT INTO bonus_band (lower_percent, coefficient) VALUES (60, 1.00);
INSERT INTO bonus_band (lower_percent, coefficient) VALUES (90, 1.20);
