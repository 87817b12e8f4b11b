-- Branch replicas that sync with the hub (the shared database): docs/decisions.md, the sync decision.
-- Portable SQL only: the same file runs on HSQLDB and PostgreSQL.

-- This database's place in sync: one row on a hub (role HUB) or on a replica (role REPLICA).
-- lamport is the node's logical clock; on a replica pushed_seq is the local change_log seq pushed
-- through and pulled_seq the hub's change_log seq pulled through (the two sync cursors).
CREATE TABLE sync_node (
    node_id           UUID          NOT NULL PRIMARY KEY,
    role              VARCHAR(8)    NOT NULL,
    hub_node_id       UUID,
    scope_org_unit_id UUID,
    scope_path        VARCHAR(1000),
    lamport           BIGINT        NOT NULL,
    pushed_seq        BIGINT        NOT NULL,
    pulled_seq        BIGINT        NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_synced_at    TIMESTAMP WITH TIME ZONE
);

-- On the hub: the replicas it created, their scope and when each last synced (retention).
CREATE TABLE sync_replica (
    node_id           UUID          NOT NULL PRIMARY KEY,
    scope_org_unit_id UUID          NOT NULL,
    scope_path        VARCHAR(1000) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- On the hub: every change id received from a replica, so a push repeated after an interruption
-- applies nothing twice.
CREATE TABLE sync_received (
    change_id   UUID    NOT NULL PRIMARY KEY,
    origin_node UUID    NOT NULL,
    lamport     BIGINT  NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A field two sides changed to different values, or an edit that met a delete: both values kept
-- until a manager resolves it.
CREATE TABLE sync_conflict (
    id              UUID          NOT NULL PRIMARY KEY,
    entity          VARCHAR(40)   NOT NULL,
    entity_id       UUID          NOT NULL,
    field           VARCHAR(64)   NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    base_value      VARCHAR(4000),
    hub_value       VARCHAR(4000),
    incoming_value  VARCHAR(4000),
    origin_node     UUID          NOT NULL,
    change_id       UUID          NOT NULL,
    lamport         BIGINT        NOT NULL,
    changed_by      UUID,
    changed_by_name VARCHAR(100),
    resolved_at     TIMESTAMP WITH TIME ZONE,
    resolved_by     UUID,
    resolved_value  VARCHAR(4000),
    version         BIGINT        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      UUID,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      UUID,
    deleted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_sync_conflict_open ON sync_conflict (resolved_at, created_at);
CREATE INDEX ix_sync_conflict_entity ON sync_conflict (entity_id);
