-- Studio (issue #10): scenario templates (场景模板) installed in one click.

-- One installed template: which file (id and version) and when. Uninstalling deletes it with its items.
CREATE TABLE template_install (
    id               UUID          NOT NULL PRIMARY KEY,
    template_id      VARCHAR(64)   NOT NULL,
    template_version INTEGER       NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    version          BIGINT        NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       UUID,
    deleted_at       TIMESTAMP WITH TIME ZONE
);

CREATE UNIQUE INDEX ux_template_install_template ON template_install (template_id);

-- What an install added: the item's kind and key (as the template names it), its id, and its state
-- right after the install (the item's version, or the setting's value as text), so that uninstall can
-- tell an item nobody changed from one that was edited since. previous_value is the setting's value
-- before the install (null for items the install created), put back when the setting is uninstalled.
CREATE TABLE template_item (
    install_id       UUID          NOT NULL,
    position         INTEGER       NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    item_key         VARCHAR(200)  NOT NULL,
    item_id          UUID,
    installed_state  VARCHAR(8000) NOT NULL,
    previous_value   VARCHAR(8000),
    CONSTRAINT pk_template_item PRIMARY KEY (install_id, position),
    CONSTRAINT fk_template_item_install FOREIGN KEY (install_id) REFERENCES template_install (id)
);
