-- Studio (issue #10), automation rules part 2.

-- scanned_until: the cutoff (now minus the rule's days) of the last complete time-based scan of a
-- "no activity" or "date" rule. The next minute's scan reads only the records that can have begun to
-- match since: those the change log shows changed after scanned_seq, and those whose last follow-up,
-- creation or date crossed the cutoff in between. Null: the next scan reads every record (a new or
-- edited rule). 100,000 customers: 1.6 s per minute -> a few milliseconds.
ALTER TABLE automation_rule ADD COLUMN scanned_until TIMESTAMP WITH TIME ZONE;

-- "Created" rules and the scan window read records by creation time.
CREATE INDEX ix_customer_created ON customer (created_at);
CREATE INDEX ix_opportunity_created ON opportunity (created_at);
