-- Territory map: a customer's explicit position and its tags.

-- Explicit coordinates (GCJ-02, as the region centroids) from an import or a pin the user dragged.
-- Without them the map places the customer near its region's centroid.
ALTER TABLE customer ADD COLUMN longitude DECIMAL(10,6);
ALTER TABLE customer ADD COLUMN latitude DECIMAL(10,6);

-- Free tags on a customer (竞品渗透, 设备老化, 预算紧张 …), aggregated by region for the "technical
-- pain points" map. Changes are recorded in the customer's change history.
CREATE TABLE customer_tag (
    customer_id UUID        NOT NULL,
    tag         VARCHAR(40) NOT NULL,
    CONSTRAINT pk_customer_tag PRIMARY KEY (customer_id, tag),
    CONSTRAINT fk_customer_tag_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_customer_tag_tag ON customer_tag (tag);
