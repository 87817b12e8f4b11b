-- Ledger imports: the history of import batches (for the import list and undo), the rows each
-- batch wrote, and column mappings saved per header signature so a ledger with the same headers
-- is mapped again without help. Portable SQL only: the same file runs on HSQLDB and PostgreSQL.

CREATE TABLE import_batch (
    id               UUID          NOT NULL PRIMARY KEY,
    entity           VARCHAR(40)   NOT NULL,
    file_name        VARCHAR(500)  NOT NULL,
    file_sha256      VARCHAR(64)   NOT NULL,
    sheet_name       VARCHAR(200),
    status           VARCHAR(16)   NOT NULL,
    rows_created     INTEGER       NOT NULL,
    rows_updated     INTEGER       NOT NULL,
    rows_skipped     INTEGER       NOT NULL,
    rows_invalid     INTEGER       NOT NULL,
    imported_by_name VARCHAR(100),
    undone_at        TIMESTAMP WITH TIME ZONE,
    undone_by        UUID,
    version          BIGINT        NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       UUID,
    deleted_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_import_batch_created ON import_batch (created_at);

-- Which rows a batch created or updated, and the version it left them at: undo restores a row
-- only if that is still its version, and lists it as a conflict otherwise.
CREATE TABLE import_batch_row (
    batch_id       UUID        NOT NULL,
    entity_id      UUID        NOT NULL,
    row_action     VARCHAR(16) NOT NULL,
    source_row     INTEGER     NOT NULL,
    version_after  BIGINT      NOT NULL,
    CONSTRAINT pk_import_batch_row PRIMARY KEY (batch_id, entity_id),
    CONSTRAINT fk_import_batch_row_batch FOREIGN KEY (batch_id) REFERENCES import_batch (id)
);

-- A confirmed mapping (header text → field key, as JSON), offered again for the same headers.
CREATE TABLE import_mapping (
    id               UUID           NOT NULL PRIMARY KEY,
    entity           VARCHAR(40)    NOT NULL,
    header_signature VARCHAR(64)    NOT NULL,
    mapping_json     VARCHAR(20000) NOT NULL,
    version          BIGINT         NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       UUID,
    deleted_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_import_mapping UNIQUE (entity, header_signature)
);
