-- Foundation schema: org tree, users, regions, customers, contacts, activities, audit trail.
-- Portable SQL only: the same file runs on HSQLDB and PostgreSQL.
-- Business rows carry version (optimistic locking), who/when columns and deleted_at (soft delete).

CREATE TABLE org_unit (
    id          UUID         NOT NULL PRIMARY KEY,
    parent_id   UUID,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    path        VARCHAR(1000) NOT NULL,
    region_code VARCHAR(6),
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id)
);
CREATE INDEX ix_org_unit_path ON org_unit (path);

CREATE TABLE app_user (
    id           UUID         NOT NULL PRIMARY KEY,
    username     VARCHAR(64)  NOT NULL,
    display_name VARCHAR(100) NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    org_unit_id  UUID         NOT NULL,
    manager_id   UUID,
    email        VARCHAR(200),
    mobile       VARCHAR(40),
    active       BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   UUID,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   UUID,
    deleted_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_org FOREIGN KEY (org_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_app_user_manager FOREIGN KEY (manager_id) REFERENCES app_user (id)
);
CREATE INDEX ix_app_user_org ON app_user (org_unit_id);

-- GB/T 2260 administrative divisions; reference data, loaded on first start.
CREATE TABLE region (
    code        VARCHAR(6)    NOT NULL PRIMARY KEY,
    parent_code VARCHAR(6),
    name        VARCHAR(100)  NOT NULL,
    level       VARCHAR(10)   NOT NULL,
    area_code   VARCHAR(8),
    longitude   DECIMAL(10,6),
    latitude    DECIMAL(10,6)
);
CREATE INDEX ix_region_parent ON region (parent_code);

CREATE TABLE customer (
    id                UUID          NOT NULL PRIMARY KEY,
    name              VARCHAR(200)  NOT NULL,
    normalized_name   VARCHAR(200)  NOT NULL,
    credit_code       VARCHAR(18),
    tier              VARCHAR(1)    NOT NULL,
    industry          VARCHAR(32),
    region_code       VARCHAR(6),
    address           VARCHAR(500),
    phone             VARCHAR(40),
    owner_id          UUID,
    last_follow_up_at TIMESTAMP WITH TIME ZONE,
    next_follow_up_on DATE,
    search_text       VARCHAR(600)  NOT NULL,
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        UUID,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        UUID,
    deleted_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_customer_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT fk_customer_region FOREIGN KEY (region_code) REFERENCES region (code)
);
CREATE INDEX ix_customer_owner ON customer (owner_id);
CREATE INDEX ix_customer_normalized_name ON customer (normalized_name);
CREATE INDEX ix_customer_credit_code ON customer (credit_code);
CREATE INDEX ix_customer_region ON customer (region_code);
CREATE INDEX ix_customer_next_follow_up ON customer (next_follow_up_on);
CREATE INDEX ix_customer_name ON customer (name);

CREATE TABLE contact (
    id          UUID          NOT NULL PRIMARY KEY,
    customer_id UUID          NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    title       VARCHAR(100),
    mobile      VARCHAR(40),
    phone       VARCHAR(40),
    email       VARCHAR(200),
    wechat      VARCHAR(100),
    is_primary  BOOLEAN       NOT NULL,
    notes       VARCHAR(2000),
    version     BIGINT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_contact_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_contact_customer ON contact (customer_id);

-- Every follow-up on record (跟进留痕).
CREATE TABLE activity (
    id                UUID          NOT NULL PRIMARY KEY,
    customer_id       UUID          NOT NULL,
    contact_id        UUID,
    owner_id          UUID          NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_minutes  INTEGER,
    note              VARCHAR(4000),
    outcome           VARCHAR(200),
    next_step         VARCHAR(500),
    next_follow_up_on DATE,
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        UUID,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        UUID,
    deleted_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_activity_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_activity_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
    CONSTRAINT fk_activity_owner FOREIGN KEY (owner_id) REFERENCES app_user (id)
);
CREATE INDEX ix_activity_customer_time ON activity (customer_id, occurred_at);
CREATE INDEX ix_activity_owner_time ON activity (owner_id, occurred_at);

-- One record per change to a business row; hash-chained so tampering is detectable.
-- The audit trail and the sync change feed both read it.
CREATE TABLE change_log (
    id            UUID          NOT NULL PRIMARY KEY,
    seq           BIGINT        NOT NULL,
    entity        VARCHAR(40)   NOT NULL,
    entity_id     UUID          NOT NULL,
    operation     VARCHAR(10)   NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by    UUID,
    changed_by_name VARCHAR(100),
    reason_kind   VARCHAR(16)   NOT NULL,
    reason_detail VARCHAR(200)  NOT NULL,
    changes       VARCHAR(20000) NOT NULL,
    prev_hash     VARCHAR(64)   NOT NULL,
    hash          VARCHAR(64)   NOT NULL,
    CONSTRAINT uq_change_log_seq UNIQUE (seq)
);
CREATE INDEX ix_change_log_entity ON change_log (entity_id);

-- The head of the hash chain: one row, updated in the writing transaction, which also
-- serialises writers of the chain so sequence numbers never collide.
CREATE TABLE change_log_head (
    id   INTEGER     NOT NULL PRIMARY KEY,
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL
);
INSERT INTO change_log_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Small key/value facts about the workspace (demo seeded, workspace name).
CREATE TABLE workspace_setting (
    setting_key   VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(2000) NOT NULL
);
