-- The managers' daily digest of coaching prompts: one row per manager and scan day. Its primary key
-- makes the digest go out once a day whatever the number of scans or clients; sent_at marks where
-- the next digest starts counting.
CREATE TABLE funnel_digest (
    manager_id  UUID          NOT NULL,
    scan_day    DATE          NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    misses      INTEGER       NOT NULL,
    CONSTRAINT pk_funnel_digest PRIMARY KEY (manager_id, scan_day)
);
-- The digest reads the misses prompted since the manager's last digest.
CREATE INDEX ix_funnel_outcome_prompted ON funnel_outcome (prompted_at);
-- The incremental funnel scan looks for customers whose activities changed since the last scan.
CREATE INDEX ix_activity_updated ON activity (updated_at);
