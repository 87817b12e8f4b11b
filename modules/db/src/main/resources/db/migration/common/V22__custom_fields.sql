-- Studio (issue #10), part A: custom fields on the main entities, defined by business users.

-- A field on one entity (CUSTOMER, CONTACT, LEAD, OPPORTUNITY, ACTIVITY, CONTRACT, TASK). field_key is
-- the stable name rules, imports and templates use; label, help and choices may change. A retired field
-- is hidden everywhere and keeps its values.
CREATE TABLE custom_field (
    id            UUID          NOT NULL PRIMARY KEY,
    entity        VARCHAR(16)   NOT NULL,
    field_key     VARCHAR(64)   NOT NULL,
    label         VARCHAR(60)   NOT NULL,
    field_type    VARCHAR(16)   NOT NULL,
    choices       VARCHAR(4000),
    required      BOOLEAN       NOT NULL,
    default_value VARCHAR(1000),
    help_text     VARCHAR(200),
    sort_order    INTEGER       NOT NULL,
    retired_at    TIMESTAMP WITH TIME ZONE,
    version       BIGINT        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    CONSTRAINT uq_custom_field_key UNIQUE (entity, field_key)
);

-- One value of one field on one record, in the column of its type so lists filter and sort in SQL:
-- text for text, choices (one per line), users, regions and links; number for numbers and money;
-- moment for dates and date-times; flag for checkboxes.
CREATE TABLE custom_value (
    field_id     UUID           NOT NULL,
    record_id    UUID           NOT NULL,
    value_text   VARCHAR(4000),
    value_number DECIMAL(20, 4),
    value_moment TIMESTAMP WITH TIME ZONE,
    value_flag   BOOLEAN,
    CONSTRAINT pk_custom_value PRIMARY KEY (record_id, field_id),
    CONSTRAINT fk_custom_value_field FOREIGN KEY (field_id) REFERENCES custom_field (id)
);
CREATE INDEX ix_custom_value_text ON custom_value (field_id, value_text);
CREATE INDEX ix_custom_value_number ON custom_value (field_id, value_number);
CREATE INDEX ix_custom_value_moment ON custom_value (field_id, value_moment);
