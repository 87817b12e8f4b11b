-- Approvals: 加签 (an approver adds a signer to their step, before or after them) and 外出委托 (an
-- approver away for some days has their new tasks go to a colleague, who signs on their behalf).

-- A signer's task points at the task it was added for and says where: BEFORE (that task waits
-- until the signer approved, then reopens) or AFTER (the signer's task opens once that task is
-- approved). on_behalf_of names the approver a delegate signs for (代 张三审批).
ALTER TABLE approval_task ADD COLUMN added_for UUID;
ALTER TABLE approval_task ADD COLUMN added_position VARCHAR(8);
ALTER TABLE approval_task ADD COLUMN on_behalf_of UUID;
ALTER TABLE approval_task ADD CONSTRAINT fk_approval_task_added_for
    FOREIGN KEY (added_for) REFERENCES approval_task (id);
ALTER TABLE approval_task ADD CONSTRAINT fk_approval_task_on_behalf_of
    FOREIGN KEY (on_behalf_of) REFERENCES app_user (id);

-- History says whom a signer was added (and where), and for whom a delegate acted.
ALTER TABLE approval_event ADD COLUMN signer_id UUID;
ALTER TABLE approval_event ADD COLUMN signer_position VARCHAR(8);
ALTER TABLE approval_event ADD COLUMN on_behalf_of UUID;

-- A user's delegation: from starts_on to ends_on (inclusive, business dates in the organisation's
-- time zone) their new approval tasks go to delegate_id. Cancelling one sets deleted_at; the rows
-- stay, as history of who signed for whom.
CREATE TABLE approval_delegation (
    id           UUID          NOT NULL PRIMARY KEY,
    user_id      UUID          NOT NULL,
    delegate_id  UUID          NOT NULL,
    starts_on    DATE          NOT NULL,
    ends_on      DATE          NOT NULL,
    note         VARCHAR(500),
    version      BIGINT        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   UUID,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   UUID,
    deleted_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_approval_delegation_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_approval_delegation_delegate FOREIGN KEY (delegate_id) REFERENCES app_user (id),
    CONSTRAINT ck_approval_delegation_range CHECK (starts_on <= ends_on)
);
CREATE INDEX ix_approval_delegation_user ON approval_delegation (user_id, starts_on);
