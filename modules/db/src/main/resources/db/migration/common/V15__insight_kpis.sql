-- Insight KPIs (issue #9, part K): the indexes the KPI queries range over, and the dates a
-- person joined and left the company, which key-role attrition counts.

-- When a person joined and left (business dates). Left null while employed; a user made inactive
-- without a leaving date counts as having left on the day the row was last updated.
ALTER TABLE app_user ADD COLUMN joined_on DATE;
ALTER TABLE app_user ADD COLUMN left_on DATE;
CREATE INDEX ix_app_user_left ON app_user (left_on);

-- Signed amount per rep per month and contract cycle: contracts by signing date.
CREATE INDEX ix_contract_signed ON contract (signed_on, owner_id);
-- Paperwork share and daily touches: every activity of a period, whoever owns it.
CREATE INDEX ix_activity_occurred ON activity (occurred_at);
-- Lead-to-deal conversion and cycle: a lead's deal, and deals closed in a period.
CREATE INDEX ix_lead_opportunity ON lead (opportunity_id);
CREATE INDEX ix_opportunity_closed ON opportunity (closed_at);
