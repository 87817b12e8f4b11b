-- Studio (issue #10), part B: form layouts (表单设计) that business users arrange.

-- The saved layout of one entity's form (CUSTOMER, CONTACT, LEAD, OPPORTUNITY, ...): its sections, their
-- columns and the fields placed in them with required, visible-when and read-only-for-roles, as a small
-- JSON document read by the studio module. left_off lists the fields the designer deliberately left off
-- the form (one name per line); a field added later is on neither list and lands in a trailing section.
-- No row, or a deleted one (恢复默认), means the default layout.
CREATE TABLE form_layout (
    id          UUID           NOT NULL PRIMARY KEY,
    entity      VARCHAR(16)    NOT NULL,
    sections    VARCHAR(32000) NOT NULL,
    left_off    VARCHAR(8000),
    version     BIGINT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_form_layout_entity UNIQUE (entity)
);

-- Every saved version of a layout (a reset to the default too, with sections null), so a change can
-- be traced and undone by hand.
CREATE TABLE form_layout_version (
    layout_id   UUID           NOT NULL,
    version     BIGINT         NOT NULL,
    sections    VARCHAR(32000),
    left_off    VARCHAR(8000),
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by    UUID,
    CONSTRAINT pk_form_layout_version PRIMARY KEY (layout_id, version),
    CONSTRAINT fk_form_layout_version_layout FOREIGN KEY (layout_id) REFERENCES form_layout (id)
);
