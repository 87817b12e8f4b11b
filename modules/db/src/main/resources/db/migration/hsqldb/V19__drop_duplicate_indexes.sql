-- HSQLDB backs every foreign key with an index of its own (FK_...), so each explicit index below
-- on the same columns was a second, identical tree that every insert and update maintained (a
-- customer row kept 11 index trees, now 9; a contact 3, now 2). PostgreSQL creates no index for
-- a foreign key, so there the explicit ones stay (postgresql/V19 drops only the true duplicates
-- at the end of this file). DuplicateIndexTest keeps new ones out.
DROP INDEX ix_app_user_org;
DROP INDEX ix_customer_owner;
DROP INDEX ix_customer_region;
DROP INDEX ix_contact_customer;
DROP INDEX ix_opportunity_customer;
DROP INDEX ix_opportunity_owner;
DROP INDEX ix_task_customer;
DROP INDEX ix_task_checklist_task;
DROP INDEX ix_task_comment_task;
DROP INDEX ix_escalation_owner;
DROP INDEX ix_lead_opportunity;
DROP INDEX ix_pool_event_customer;
DROP INDEX ix_warehouse_region_code;
DROP INDEX ix_stock_warehouse;
DROP INDEX ix_opportunity_line_opportunity;
DROP INDEX ix_quote_customer;
DROP INDEX ix_quote_line_quote;
DROP INDEX ix_contract_customer;
DROP INDEX ix_contract_attachment_contract;
DROP INDEX ix_collection_item_contract;
DROP INDEX ix_collection_item_customer;
DROP INDEX ix_collection_item_owner;
DROP INDEX ix_invoice_contract;
DROP INDEX ix_payment_collection_item;
DROP INDEX ix_cost_entry_opportunity;
DROP INDEX ix_cost_entry_customer;
DROP INDEX ix_approval_task_request;
DROP INDEX ix_territory_owner_unit;
DROP INDEX ix_territory_owner_user;
DROP INDEX ix_territory_region_territory;
DROP INDEX ix_funnel_outcome_opportunity;

-- Created twice by two features (V15 and V17, V15 and V18), on every database.
DROP INDEX ix_contract_signed_on;
DROP INDEX ix_report_activity_occurred;
