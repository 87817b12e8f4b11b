-- Forecasts (insight): the rep's commit and the managers' adjustments, each a row of history
-- (who, when, old -> new, why), the frozen snapshot of a period's forecast that its accuracy is
-- measured against once the period closes, and the safety stock the procurement view keeps.

-- One entry per commit or adjustment of a forecast cell. A cell is a period (MONTH or QUARTER,
-- named by its first day), a level (REP, TEAM, REGION) and a subject (the rep's user id or the
-- team's / region's org unit id). Rows are only ever added: the newest entry of a kind is the
-- cell's current value and the older ones are its history.
CREATE TABLE forecast_entry (
    id            UUID          NOT NULL PRIMARY KEY,
    period_kind   VARCHAR(8)    NOT NULL,
    period_start  DATE          NOT NULL,
    level_kind    VARCHAR(8)    NOT NULL,
    subject_id    UUID          NOT NULL,
    entry_kind    VARCHAR(8)    NOT NULL,
    old_amount    DECIMAL(18,2),
    amount        DECIMAL(18,2) NOT NULL,
    note          VARCHAR(1000),
    entered_by_name VARCHAR(100),
    version       BIGINT        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID          NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_forecast_entry_by FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT ck_forecast_entry_amount CHECK (amount >= 0),
    -- version numbers a cell's entries of one kind 1, 2, 3 ...: two people changing the same
    -- value at once both write the same next number and the second is refused (optimistic locking).
    CONSTRAINT uq_forecast_entry_cell UNIQUE (period_kind, period_start, level_kind, subject_id, entry_kind, version)
);

-- The forecast of a period as it was submitted: frozen once per cell, never updated, so that the
-- accuracy of a closed period compares actuals with what was forecast, not with today's figures.
-- owner_path is the org path of the cell (the rep's unit, the team, the region) for visibility.
CREATE TABLE forecast_snapshot (
    id             UUID          NOT NULL PRIMARY KEY,
    period_kind    VARCHAR(8)    NOT NULL,
    period_start   DATE          NOT NULL,
    period_end     DATE          NOT NULL,
    level_kind     VARCHAR(8)    NOT NULL,
    subject_id     UUID          NOT NULL,
    subject_name   VARCHAR(200)  NOT NULL,
    owner_path     VARCHAR(1000) NOT NULL,
    weighted       DECIMAL(18,2) NOT NULL,
    run_rate       DECIMAL(18,2) NOT NULL,
    commit_amount  DECIMAL(18,2),
    adjusted       DECIMAL(18,2) NOT NULL,
    version        BIGINT        NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     UUID,
    deleted_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_forecast_snapshot_cell UNIQUE (period_kind, period_start, level_kind, subject_id)
);
CREATE INDEX ix_forecast_snapshot_period ON forecast_snapshot (period_kind, period_end, level_kind);

-- Safety stock per SKU the procurement view keeps; SKUs without a row use the global setting
-- (workspace_setting 'forecast.safetyStock.default').
CREATE TABLE safety_stock (
    product_id  UUID          NOT NULL PRIMARY KEY,
    quantity    DECIMAL(18,3) NOT NULL,
    version     BIGINT        NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    CONSTRAINT fk_safety_stock_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_safety_stock_quantity CHECK (quantity >= 0)
);

-- The weighted pipeline reads open deals by expected close date; actuals read contracts by signing date.
CREATE INDEX ix_opportunity_close_on ON opportunity (expected_close_on, owner_id);
CREATE INDEX ix_contract_signed_on ON contract (signed_on, owner_id);
