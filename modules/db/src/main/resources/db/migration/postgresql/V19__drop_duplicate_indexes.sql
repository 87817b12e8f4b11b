-- Indexes created twice by two features (V15 and V17, V15 and V18). The explicit indexes on
-- foreign-key columns that hsqldb/V19 drops stay here: PostgreSQL creates none for a foreign key.
DROP INDEX ix_contract_signed_on;
DROP INDEX ix_report_activity_occurred;
