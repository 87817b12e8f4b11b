-- Territory map, surge scan: inquiries (live leads with a region) per business day (Asia/Shanghai)
-- and province. The first surge scan of a day read the created-at of every lead of the last five
-- weeks (1-2 s, 6 s cold over 100,000 leads); with these counts it reads about a thousand small
-- rows and only the leads of the hours that cut a day at a window's edge. LeadRepository keeps the
-- counts in the same transaction as every insert, region move and soft delete of a lead.
CREATE TABLE lead_day_count (
    day        DATE       NOT NULL,
    province   VARCHAR(2) NOT NULL,
    inquiries  INTEGER    NOT NULL,
    CONSTRAINT pk_lead_day_count PRIMARY KEY (day, province)
);

INSERT INTO lead_day_count (day, province, inquiries)
SELECT CAST(created_at AT TIME ZONE 'Asia/Shanghai' AS DATE), SUBSTRING(region_code, 1, 2), COUNT(*)
FROM lead
WHERE deleted_at IS NULL AND region_code IS NOT NULL
GROUP BY CAST(created_at AT TIME ZONE 'Asia/Shanghai' AS DATE), SUBSTRING(region_code, 1, 2);
