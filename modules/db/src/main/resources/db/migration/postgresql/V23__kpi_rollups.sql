-- KPI roll-ups at full size (issue #9: 1,000,000 deals, 5,000,000 follow-ups, each KPI <= 300 ms).
-- Like activity_day (V20), each table holds what a KPI sums, per business day (Asia/Shanghai) and
-- owner, so a quarter's figure reads a few thousand small rows instead of the quarter's records
-- joined to their deals. The crm, commerce and workflow repositories move the counts a write
-- touches in the same transaction, as deltas (concurrent writers add up, as in activity_day);
-- bulk loads call the roll-up repositories' rebuild().
-- Every figure stays exact: the rows keep exact values (whole minutes, days, amounts), only
-- counted together.

-- Leads per creation day, owner (the nil UUID: unassigned, so that the key has no null) and exact
-- response minutes (responded false, minutes 0: not answered yet): how many, how many became won
-- deals and the days lead -> won. Exact minutes, not buckets, so the median and P90 stay exact;
-- most leads are answered within a couple of hours, so a rep's day has few distinct minutes.
CREATE TABLE lead_kpi_day (
    day              DATE    NOT NULL,
    owner_id         UUID    NOT NULL,
    responded        BOOLEAN NOT NULL,
    response_minutes INTEGER NOT NULL,
    leads            INTEGER NOT NULL,
    won              INTEGER NOT NULL,
    won_days         BIGINT  NOT NULL,
    CONSTRAINT pk_lead_kpi_day PRIMARY KEY (day, owner_id, responded, response_minutes)
);

-- Signed contracts (SIGNED, EXECUTING, CLOSED; live) per signing day and owner: count, amount, and
-- the cycle submit -> signed in days (cycled: with a cycle; excluded: signed before submitted).
CREATE TABLE contract_kpi_day (
    day        DATE           NOT NULL,
    owner_id   UUID           NOT NULL,
    contracts  INTEGER        NOT NULL,
    amount     DECIMAL(18, 2) NOT NULL,
    cycle_days BIGINT         NOT NULL,
    cycled     INTEGER        NOT NULL,
    excluded   INTEGER        NOT NULL,
    CONSTRAINT pk_contract_kpi_day PRIMARY KEY (day, owner_id)
);

-- CAC: when each owner first won a deal with each customer (live deals at a WON stage). A customer's
-- first win as a viewer sees it is the earliest row among the owners they see. A minimum is not a
-- sum: OpportunityRepository recounts a customer's rows, with the customer's row locked.
CREATE TABLE customer_first_won (
    customer_id UUID                     NOT NULL,
    owner_id    UUID                     NOT NULL,
    won_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_customer_first_won PRIMARY KEY (customer_id, owner_id)
);
CREATE INDEX ix_customer_first_won_at ON customer_first_won (won_at);

INSERT INTO lead_kpi_day (day, owner_id, responded, response_minutes, leads, won, won_days)
SELECT CAST(l.created_at AT TIME ZONE 'Asia/Shanghai' AS DATE),
       COALESCE(l.owner_id, CAST('00000000-0000-0000-0000-000000000000' AS UUID)),
       l.response_minutes IS NOT NULL, COALESCE(l.response_minutes, 0), COUNT(*),
       SUM(CASE WHEN s.outcome = 'WON' AND o.closed_at IS NOT NULL THEN 1 ELSE 0 END),
       COALESCE(SUM(CASE WHEN s.outcome = 'WON' AND o.closed_at IS NOT NULL THEN
           (CAST(o.closed_at AT TIME ZONE 'Asia/Shanghai' AS DATE) - CAST(l.created_at AT TIME ZONE 'Asia/Shanghai' AS DATE))
           END), 0)
FROM lead l
LEFT JOIN opportunity o ON o.id = l.opportunity_id AND o.deleted_at IS NULL
LEFT JOIN opportunity_stage s ON s.code = o.stage
WHERE l.deleted_at IS NULL
GROUP BY CAST(l.created_at AT TIME ZONE 'Asia/Shanghai' AS DATE),
         COALESCE(l.owner_id, CAST('00000000-0000-0000-0000-000000000000' AS UUID)),
         l.response_minutes IS NOT NULL, COALESCE(l.response_minutes, 0);

INSERT INTO contract_kpi_day (day, owner_id, contracts, amount, cycle_days, cycled, excluded)
SELECT signed_on, owner_id, COUNT(*), SUM(amount),
       COALESCE(SUM(CASE WHEN cycle >= 0 THEN cycle END), 0),
       COUNT(CASE WHEN cycle >= 0 THEN 1 END), COUNT(CASE WHEN cycle < 0 THEN 1 END)
FROM (SELECT c.signed_on, c.owner_id, c.amount,
             (c.signed_on - CAST(COALESCE((SELECT MIN(r.submitted_at) FROM approval_request r
                                                WHERE r.entity = 'contract' AND r.record_id = c.id), c.created_at)
                                     AT TIME ZONE 'Asia/Shanghai' AS DATE)) AS cycle
      FROM contract c
      WHERE c.deleted_at IS NULL AND c.status IN ('SIGNED', 'EXECUTING', 'CLOSED') AND c.signed_on IS NOT NULL) k
GROUP BY signed_on, owner_id;

INSERT INTO customer_first_won (customer_id, owner_id, won_at)
SELECT o.customer_id, o.owner_id, MIN(o.closed_at)
FROM opportunity o JOIN opportunity_stage s ON s.code = o.stage
WHERE o.deleted_at IS NULL AND s.outcome = 'WON' AND o.closed_at IS NOT NULL
GROUP BY o.customer_id, o.owner_id;

-- The same counts per calendar month (month_no = year * 12 + month - 1): a rep answers dozens of
-- leads a day at full size, each at its own minute, so a quarter's lead_kpi_day rows are nearly as
-- many as its leads; per month they fold several times over, and activity_day about ten times. A
-- period reads its whole months here and only its partial months' days from the day tables. The
-- same repositories keep both, in the same upsert.
CREATE TABLE lead_kpi_month (
    month_no         INTEGER NOT NULL,
    owner_id         UUID    NOT NULL,
    responded        BOOLEAN NOT NULL,
    response_minutes INTEGER NOT NULL,
    leads            INTEGER NOT NULL,
    won              INTEGER NOT NULL,
    won_days         BIGINT  NOT NULL,
    CONSTRAINT pk_lead_kpi_month PRIMARY KEY (month_no, owner_id, responded, response_minutes)
);

CREATE TABLE activity_month (
    month_no      INTEGER     NOT NULL,
    owner_id      UUID        NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    short_minutes INTEGER     NOT NULL,
    activities    INTEGER     NOT NULL,
    minutes       BIGINT      NOT NULL,
    CONSTRAINT pk_activity_month PRIMARY KEY (month_no, owner_id, kind, short_minutes)
);

INSERT INTO lead_kpi_month (month_no, owner_id, responded, response_minutes, leads, won, won_days)
SELECT CAST(EXTRACT(YEAR FROM day) * 12 + EXTRACT(MONTH FROM day) - 1 AS INTEGER), owner_id, responded,
       response_minutes, CAST(SUM(leads) AS INTEGER), CAST(SUM(won) AS INTEGER), CAST(SUM(won_days) AS BIGINT)
FROM lead_kpi_day
GROUP BY CAST(EXTRACT(YEAR FROM day) * 12 + EXTRACT(MONTH FROM day) - 1 AS INTEGER), owner_id, responded,
         response_minutes;

INSERT INTO activity_month (month_no, owner_id, kind, short_minutes, activities, minutes)
SELECT CAST(EXTRACT(YEAR FROM day) * 12 + EXTRACT(MONTH FROM day) - 1 AS INTEGER), owner_id, kind, short_minutes,
       CAST(SUM(activities) AS INTEGER), CAST(SUM(minutes) AS BIGINT)
FROM activity_day
GROUP BY CAST(EXTRACT(YEAR FROM day) * 12 + EXTRACT(MONTH FROM day) - 1 AS INTEGER), owner_id, kind, short_minutes;
