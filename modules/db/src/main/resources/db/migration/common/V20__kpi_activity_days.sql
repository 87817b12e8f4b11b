-- Insight KPIs at scale (issue #9): paperwork share and daily touches read a quarter's activities,
-- 600,000 rows at the issue's size (4 s at a tenth of it). activity_day holds the live activities
-- of live customers per business day (Asia/Shanghai), owner, kind and short duration, so those
-- KPIs sum a few thousand rows. ActivityRepository and CustomerRepository keep it in the same
-- transaction as every insert and soft delete; bulk loads call ActivityDayRepository.rebuild().
--
-- short_minutes keeps touches exact for any threshold up to 10 minutes (a setting, default 2):
-- -1 no duration (counts as a touch), -2 a negative duration, 0..9 the duration, 10 ten or more.
CREATE TABLE activity_day (
    day           DATE        NOT NULL,
    owner_id      UUID        NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    short_minutes INTEGER     NOT NULL,
    activities    INTEGER     NOT NULL,
    minutes       BIGINT      NOT NULL,
    CONSTRAINT pk_activity_day PRIMARY KEY (day, owner_id, kind, short_minutes)
);

INSERT INTO activity_day (day, owner_id, kind, short_minutes, activities, minutes)
SELECT CAST(a.occurred_at AT TIME ZONE 'Asia/Shanghai' AS DATE), a.owner_id, a.kind,
       CASE WHEN a.duration_minutes IS NULL THEN -1 WHEN a.duration_minutes < 0 THEN -2
            WHEN a.duration_minutes < 10 THEN a.duration_minutes ELSE 10 END,
       COUNT(*), COALESCE(SUM(a.duration_minutes), 0)
FROM activity a JOIN customer c ON c.id = a.customer_id
WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL
GROUP BY CAST(a.occurred_at AT TIME ZONE 'Asia/Shanghai' AS DATE), a.owner_id, a.kind,
       CASE WHEN a.duration_minutes IS NULL THEN -1 WHEN a.duration_minutes < 0 THEN -2
            WHEN a.duration_minutes < 10 THEN a.duration_minutes ELSE 10 END;

-- Contract cycle: a contract's first approval request, found by (entity, record_id) and read
-- from the index alone on PostgreSQL.
CREATE INDEX ix_approval_request_record_time ON approval_request (entity, record_id, submitted_at);
