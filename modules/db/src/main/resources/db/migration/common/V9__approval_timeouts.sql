-- Step timeouts: the scanner looks only at active steps whose alarm has come (one indexed range),
-- reminds their approvers, escalates, and runs the step's timeout action once; repeated reminders
-- move the alarm on by the step's interval.

-- When the scanner next has to look at this step: the due time, then each repeated reminder; null
-- when nothing more will happen (also whenever the step is not active).
ALTER TABLE approval_step ADD COLUMN alarm_at TIMESTAMP WITH TIME ZONE;
-- When the step's time first ran out (its timeout action ran then, once per round).
ALTER TABLE approval_step ADD COLUMN timed_out_at TIMESTAMP WITH TIME ZONE;
-- How many reminders went out in this round.
ALTER TABLE approval_step ADD COLUMN reminders INTEGER DEFAULT 0 NOT NULL;

CREATE INDEX ix_approval_step_alarm ON approval_step (alarm_at);

-- A task whose approver left and who has nobody to hand it to is flagged once (submitter told,
-- escalation raised), not again every minute.
ALTER TABLE approval_task ADD COLUMN flagged_at TIMESTAMP WITH TIME ZONE;

-- The step's due time copied onto each task when it is created (a step's due time only changes
-- when it starts a new round, which gets new tasks): an inbox of thousands opens on its most
-- urgent page straight from this index, without joining every task to its step to sort.
ALTER TABLE approval_task ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_approval_task_urgent ON approval_task (approver_id, status, due_at);
