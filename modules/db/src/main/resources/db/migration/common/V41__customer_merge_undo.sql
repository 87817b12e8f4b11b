-- What a customer merge did, so that it can be undone in one click: the merge, and every row it
-- moved (with the version the move gave it, so that undo can tell a row changed after the merge).
CREATE TABLE customer_merge (
    id               UUID          NOT NULL PRIMARY KEY,
    survivor_id      UUID          NOT NULL,
    merged_id        UUID          NOT NULL,
    merged_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    merged_by        UUID,
    undone_at        TIMESTAMP WITH TIME ZONE,
    undone_by        UUID,
    CONSTRAINT fk_customer_merge_survivor FOREIGN KEY (survivor_id) REFERENCES customer (id),
    CONSTRAINT fk_customer_merge_merged FOREIGN KEY (merged_id) REFERENCES customer (id)
);
-- No index of its own on survivor_id or merged_id: HSQLDB indexes foreign keys itself, and on
-- PostgreSQL the table holds one row per merge, a few hundred in a company's life.

-- kind: the table (contact, opportunity, customer_tag, custom_value, ...); row_id: the row moved (for
-- a tag null); version_after: the row's version after the move, null for rows without one; detail:
-- what a row id cannot say (a tag's text, 'added' for a tag the survivor gained).
CREATE TABLE customer_merge_move (
    merge_id         UUID          NOT NULL,
    seq              INTEGER       NOT NULL,
    kind             VARCHAR(40)   NOT NULL,
    row_id           UUID,
    version_after    BIGINT,
    detail           VARCHAR(200),
    CONSTRAINT pk_customer_merge_move PRIMARY KEY (merge_id, seq),
    CONSTRAINT fk_customer_merge_move_merge FOREIGN KEY (merge_id) REFERENCES customer_merge (id)
);

-- The phone is a (weaker) duplicate signal for customers arriving by sync, looked up a page at a time.
CREATE INDEX ix_customer_phone ON customer (phone);
