-- Sales, stock and finance: products and their substitutes, warehouses serving regions, stock,
-- the stock check kept on an opportunity with the order freeze it may cause, quotes, contracts
-- with their payment terms, invoice plans, collections (回款) and payments, and cost entries.
-- Money is DECIMAL(18,2) yuan; quantities are DECIMAL(18,3) so metre- and kg-sold goods fit.

-- ---------------------------------------------------------------- catalogue and stock

CREATE TABLE product (
    id            UUID           NOT NULL PRIMARY KEY,
    sku           VARCHAR(40)    NOT NULL,
    name          VARCHAR(200)   NOT NULL,
    category      VARCHAR(60)    NOT NULL,
    unit          VARCHAR(16)    NOT NULL,
    list_price    DECIMAL(18,2)  NOT NULL,
    cost_price    DECIMAL(18,2)  NOT NULL,
    active        BOOLEAN        NOT NULL,
    version       BIGINT         NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_product_sku UNIQUE (sku),
    CONSTRAINT ck_product_prices CHECK (list_price >= 0 AND cost_price >= 0)
);
CREATE INDEX ix_product_category ON product (category);

-- Ranked substitutes of a product (sort_rank 1 is offered first).
CREATE TABLE product_substitute (
    product_id     UUID     NOT NULL,
    substitute_id  UUID     NOT NULL,
    sort_rank      INTEGER  NOT NULL,
    CONSTRAINT pk_product_substitute PRIMARY KEY (product_id, substitute_id),
    CONSTRAINT fk_product_substitute_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT fk_product_substitute_substitute FOREIGN KEY (substitute_id) REFERENCES product (id),
    CONSTRAINT ck_product_substitute_self CHECK (product_id <> substitute_id)
);

CREATE TABLE warehouse (
    id          UUID          NOT NULL PRIMARY KEY,
    code        VARCHAR(20)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    address     VARCHAR(300),
    active      BOOLEAN       NOT NULL,
    version     BIGINT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_warehouse_code UNIQUE (code)
);

-- The places a warehouse ships to, at province, city or county level (GB/T 2260 codes): a
-- customer is served by every warehouse covering its region or an ancestor of it.
CREATE TABLE warehouse_region (
    warehouse_id  UUID        NOT NULL,
    region_code   VARCHAR(6)  NOT NULL,
    CONSTRAINT pk_warehouse_region PRIMARY KEY (warehouse_id, region_code),
    CONSTRAINT fk_warehouse_region_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouse (id),
    CONSTRAINT fk_warehouse_region_region FOREIGN KEY (region_code) REFERENCES region (code)
);
CREATE INDEX ix_warehouse_region_code ON warehouse_region (region_code);

-- Stock of one product in one warehouse. Available = on_hand - reserved; inbound arrives on
-- inbound_eta. Never negative: the database refuses it even if a service forgets.
CREATE TABLE stock (
    product_id    UUID           NOT NULL,
    warehouse_id  UUID           NOT NULL,
    on_hand       DECIMAL(18,3)  NOT NULL,
    reserved      DECIMAL(18,3)  NOT NULL,
    inbound       DECIMAL(18,3)  NOT NULL,
    inbound_eta   DATE,
    version       BIGINT         NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    CONSTRAINT pk_stock PRIMARY KEY (product_id, warehouse_id),
    CONSTRAINT fk_stock_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT fk_stock_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouse (id),
    CONSTRAINT ck_stock_non_negative CHECK (on_hand >= 0 AND reserved >= 0 AND inbound >= 0
                                            AND reserved <= on_hand)
);
CREATE INDEX ix_stock_warehouse ON stock (warehouse_id);

-- ---------------------------------------------------------------- opportunities and stock check

-- The products an opportunity plans to sell (the free-text opportunity.products stays as a note).
CREATE TABLE opportunity_line (
    id              UUID           NOT NULL PRIMARY KEY,
    opportunity_id  UUID           NOT NULL,
    line_no         INTEGER        NOT NULL,
    product_id      UUID           NOT NULL,
    quantity        DECIMAL(18,3)  NOT NULL,
    CONSTRAINT fk_opportunity_line_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id),
    CONSTRAINT fk_opportunity_line_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_opportunity_line_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_opportunity_line_opportunity ON opportunity_line (opportunity_id);

-- The last stock check of an opportunity, kept with it: when, the verdict, and the per-line
-- result (available, shortage, substitutes with availability and ETA) as JSON for the form.
-- 200,000 characters: a 20-line check with three substitutes a line already needs about 16,000.
CREATE TABLE stock_check (
    opportunity_id  UUID          NOT NULL PRIMARY KEY,
    checked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_by      UUID,
    has_shortage    BOOLEAN       NOT NULL,
    result_json     VARCHAR(200000) NOT NULL,
    CONSTRAINT fk_stock_check_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id)
);

-- Same-category orders for a customer held after a shortage was found, until held_until, unless a
-- manager lifted the hold with a reason.
CREATE TABLE order_freeze (
    id               UUID          NOT NULL PRIMARY KEY,
    customer_id      UUID          NOT NULL,
    category         VARCHAR(60)   NOT NULL,
    opportunity_id   UUID,
    reason           VARCHAR(500)  NOT NULL,
    held_from        TIMESTAMP WITH TIME ZONE NOT NULL,
    held_until       TIMESTAMP WITH TIME ZONE NOT NULL,
    lifted_at        TIMESTAMP WITH TIME ZONE,
    lifted_by        UUID,
    lift_reason      VARCHAR(500),
    CONSTRAINT fk_order_freeze_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_order_freeze_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id)
);
CREATE INDEX ix_order_freeze_customer ON order_freeze (customer_id, category);

-- ---------------------------------------------------------------- quotes

CREATE TABLE quote (
    id                 UUID           NOT NULL PRIMARY KEY,
    quote_no           VARCHAR(40)    NOT NULL,
    opportunity_id     UUID,
    customer_id        UUID           NOT NULL,
    owner_id           UUID           NOT NULL,
    status             VARCHAR(20)    NOT NULL,
    valid_until        DATE           NOT NULL,
    total_list         DECIMAL(18,2)  NOT NULL,
    total_net          DECIMAL(18,2)  NOT NULL,
    total_cost         DECIMAL(18,2)  NOT NULL,
    max_discount_pct   DECIMAL(5,2)   NOT NULL,
    needs_approval     BOOLEAN        NOT NULL,
    note               VARCHAR(2000),
    sent_at            TIMESTAMP WITH TIME ZONE,
    version            BIGINT         NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         UUID,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by         UUID,
    deleted_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_quote_no UNIQUE (quote_no),
    CONSTRAINT fk_quote_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id),
    CONSTRAINT fk_quote_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_quote_owner FOREIGN KEY (owner_id) REFERENCES app_user (id)
);
CREATE INDEX ix_quote_customer ON quote (customer_id);

CREATE TABLE quote_line (
    id            UUID           NOT NULL PRIMARY KEY,
    quote_id      UUID           NOT NULL,
    line_no       INTEGER        NOT NULL,
    product_id    UUID           NOT NULL,
    quantity      DECIMAL(18,3)  NOT NULL,
    unit_price    DECIMAL(18,2)  NOT NULL,
    discount_pct  DECIMAL(5,2)   NOT NULL,
    unit_cost     DECIMAL(18,2)  NOT NULL,
    CONSTRAINT fk_quote_line_quote FOREIGN KEY (quote_id) REFERENCES quote (id),
    CONSTRAINT fk_quote_line_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_quote_line_values CHECK (quantity > 0 AND unit_price >= 0
                                           AND discount_pct >= 0 AND discount_pct <= 100)
);
CREATE INDEX ix_quote_line_quote ON quote_line (quote_id);

-- ---------------------------------------------------------------- contracts

CREATE TABLE contract (
    id               UUID           NOT NULL PRIMARY KEY,
    contract_no      VARCHAR(40)    NOT NULL,
    title            VARCHAR(200)   NOT NULL,
    customer_id      UUID           NOT NULL,
    opportunity_id   UUID,
    quote_id         UUID,
    owner_id         UUID           NOT NULL,
    our_party        VARCHAR(200)   NOT NULL,
    their_party      VARCHAR(200)   NOT NULL,
    amount           DECIMAL(18,2)  NOT NULL,
    terms            VARCHAR(4000),
    status           VARCHAR(20)    NOT NULL,
    signed_on        DATE,
    void_reason      VARCHAR(500),
    version          BIGINT         NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       UUID,
    deleted_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_contract_no UNIQUE (contract_no),
    CONSTRAINT fk_contract_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_contract_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id),
    CONSTRAINT fk_contract_quote FOREIGN KEY (quote_id) REFERENCES quote (id),
    CONSTRAINT fk_contract_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT ck_contract_amount CHECK (amount > 0)
);
CREATE INDEX ix_contract_customer ON contract (customer_id);
CREATE INDEX ix_contract_status ON contract (status);

-- The payment terms of a contract: each milestone a share of the amount, due a number of days
-- after the event that triggers it (signing, delivery, acceptance). Shares add up to 100.
CREATE TABLE contract_payment_term (
    contract_id   UUID          NOT NULL,
    seq           INTEGER       NOT NULL,
    milestone     VARCHAR(20)   NOT NULL,
    share_pct     DECIMAL(5,2)  NOT NULL,
    due_days      INTEGER       NOT NULL,
    CONSTRAINT pk_contract_payment_term PRIMARY KEY (contract_id, seq),
    CONSTRAINT fk_contract_payment_term_contract FOREIGN KEY (contract_id) REFERENCES contract (id),
    CONSTRAINT ck_contract_payment_term_share CHECK (share_pct > 0 AND share_pct <= 100 AND due_days >= 0)
);

-- Files attached to a contract; the bytes live under the workspace's data dir.
CREATE TABLE contract_attachment (
    id            UUID          NOT NULL PRIMARY KEY,
    contract_id   UUID          NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    stored_path   VARCHAR(500)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by      UUID,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_contract_attachment_contract FOREIGN KEY (contract_id) REFERENCES contract (id)
);
CREATE INDEX ix_contract_attachment_contract ON contract_attachment (contract_id);

-- ---------------------------------------------------------------- invoices and collections

-- What is to be invoiced and collected, one item per payment term: due_on is set when the
-- milestone's event happens (signing sets it for 'SIGNING' at once). collected grows with
-- payments and never exceeds amount.
-- customer_id, owner_id and contract_status are copies of the contract's, written with the
-- schedule and kept in step by every contract update (ContractRepository.update), so that ageing
-- reads this one table: a join to contract per item cost more than the ageing itself (HSQLDB).
CREATE TABLE collection_item (
    id               UUID           NOT NULL PRIMARY KEY,
    contract_id      UUID           NOT NULL,
    customer_id      UUID           NOT NULL,
    owner_id         UUID           NOT NULL,
    contract_status  VARCHAR(20)    NOT NULL,
    seq              INTEGER        NOT NULL,
    milestone        VARCHAR(20)    NOT NULL,
    amount           DECIMAL(18,2)  NOT NULL,
    due_on           DATE,
    invoiced         DECIMAL(18,2)  NOT NULL,
    collected        DECIMAL(18,2)  NOT NULL,
    escalated_at     TIMESTAMP WITH TIME ZONE,
    version          BIGINT         NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_collection_item_contract FOREIGN KEY (contract_id) REFERENCES contract (id),
    CONSTRAINT fk_collection_item_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_collection_item_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT ck_collection_item_amounts CHECK (amount > 0 AND collected >= 0 AND collected <= amount
                                                 AND invoiced >= 0 AND invoiced <= amount)
);
CREATE INDEX ix_collection_item_contract ON collection_item (contract_id);
CREATE INDEX ix_collection_item_due ON collection_item (due_on);
CREATE INDEX ix_collection_item_customer ON collection_item (customer_id);
-- A rep's ageing and overdue list read only their own items.
CREATE INDEX ix_collection_item_owner ON collection_item (owner_id);

CREATE TABLE invoice (
    id                   UUID           NOT NULL PRIMARY KEY,
    invoice_no           VARCHAR(40)    NOT NULL,
    contract_id          UUID           NOT NULL,
    collection_item_id   UUID,
    amount               DECIMAL(18,2)  NOT NULL,
    issued_on            DATE           NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           UUID,
    CONSTRAINT uq_invoice_no UNIQUE (invoice_no),
    CONSTRAINT fk_invoice_contract FOREIGN KEY (contract_id) REFERENCES contract (id),
    CONSTRAINT fk_invoice_collection_item FOREIGN KEY (collection_item_id) REFERENCES collection_item (id),
    CONSTRAINT ck_invoice_amount CHECK (amount > 0)
);
CREATE INDEX ix_invoice_contract ON invoice (contract_id);

CREATE TABLE payment (
    id                   UUID           NOT NULL PRIMARY KEY,
    collection_item_id   UUID           NOT NULL,
    amount               DECIMAL(18,2)  NOT NULL,
    received_on          DATE           NOT NULL,
    reference            VARCHAR(100),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           UUID,
    CONSTRAINT fk_payment_collection_item FOREIGN KEY (collection_item_id) REFERENCES collection_item (id),
    CONSTRAINT ck_payment_amount CHECK (amount > 0)
);
CREATE INDEX ix_payment_collection_item ON payment (collection_item_id);

-- ---------------------------------------------------------------- cost per deal

-- A cost attributed to an opportunity or a customer (at least one). MEASURED costs were booked
-- against the deal; ALLOCATED ones were spread from a pool (a campaign, a channel) by a key.
CREATE TABLE cost_entry (
    id               UUID           NOT NULL PRIMARY KEY,
    kind             VARCHAR(20)    NOT NULL,
    subkind          VARCHAR(40),
    opportunity_id   UUID,
    customer_id      UUID,
    channel          VARCHAR(40),
    amount           DECIMAL(18,2)  NOT NULL,
    hours            DECIMAL(10,2),
    hourly_rate      DECIMAL(18,2),
    incurred_on      DATE           NOT NULL,
    basis            VARCHAR(12)    NOT NULL,
    note             VARCHAR(500),
    version          BIGINT         NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       UUID,
    deleted_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_cost_entry_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id),
    CONSTRAINT fk_cost_entry_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT ck_cost_entry_target CHECK (opportunity_id IS NOT NULL OR customer_id IS NOT NULL),
    CONSTRAINT ck_cost_entry_amount CHECK (amount >= 0)
);
CREATE INDEX ix_cost_entry_customer ON cost_entry (customer_id);
CREATE INDEX ix_cost_entry_opportunity ON cost_entry (opportunity_id);
