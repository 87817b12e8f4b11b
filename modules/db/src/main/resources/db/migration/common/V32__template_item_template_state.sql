-- Installing a newer version of a template updates only what the new version changed: each item
-- remembers a hash of itself as the template file held it, next to its state in the workspace.
-- Installs recorded before this have none; they compare the item's content instead.
ALTER TABLE template_item ADD COLUMN template_state VARCHAR(64);
