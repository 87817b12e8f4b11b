-- Customer merge: the merged customer keeps its row, soft-deleted, and names the customer it was
-- merged into, so that links to it (old exports, a replica's rows made offline) resolve to the survivor.
ALTER TABLE customer ADD COLUMN merged_into_id UUID;
ALTER TABLE customer ADD CONSTRAINT fk_customer_merged_into FOREIGN KEY (merged_into_id) REFERENCES customer (id);
