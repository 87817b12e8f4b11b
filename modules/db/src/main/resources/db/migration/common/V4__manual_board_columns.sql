-- Where a card sits on a board with manual columns (e.g. 本周重点 / 下周 / 观察): per board, so the
-- same deal can be in 本周重点 on one manager's board and nowhere special on another's. Boards
-- grouped by a field (stage, status) need no row here: the field is the column.
CREATE TABLE board_card (
    id          UUID          NOT NULL PRIMARY KEY,
    board_id    UUID          NOT NULL,
    item_id     UUID          NOT NULL,
    column_key  VARCHAR(40)   NOT NULL,
    board_rank  VARCHAR(64)   NOT NULL,
    version     BIGINT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_board_card UNIQUE (board_id, item_id),
    CONSTRAINT fk_board_card_board FOREIGN KEY (board_id) REFERENCES board (id)
);
CREATE INDEX ix_board_card_column ON board_card (board_id, column_key, board_rank);
