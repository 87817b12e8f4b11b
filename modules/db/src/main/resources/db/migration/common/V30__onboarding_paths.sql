-- Studio (issue #10): onboarding paths (新员工成长路径), the engine of the 90-day template.

-- A path: stages of days, each with steps (learning tasks, mentor feedback forms, drills with a pass
-- score), kept as a small JSON document the studio module reads and templates carry.
CREATE TABLE onboarding_path (
    id            UUID          NOT NULL PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL,
    description   VARCHAR(1000),
    days          INTEGER       NOT NULL,
    definition    VARCHAR(20000) NOT NULL,
    version       BIGINT        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    deleted_at    TIMESTAMP WITH TIME ZONE
);

-- A path given to a new hire, with a mentor, from a start day. The definition is copied, so changing
-- the path later does not move the goalposts of hires already on it.
CREATE TABLE onboarding_assignment (
    id            UUID          NOT NULL PRIMARY KEY,
    path_id       UUID          NOT NULL,
    path_name     VARCHAR(100)  NOT NULL,
    definition    VARCHAR(20000) NOT NULL,
    hire_id       UUID          NOT NULL,
    mentor_id     UUID          NOT NULL,
    starts_on     DATE          NOT NULL,
    status        VARCHAR(12)   NOT NULL,
    version       BIGINT        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    CONSTRAINT fk_onboarding_assignment_path FOREIGN KEY (path_id) REFERENCES onboarding_path (id),
    CONSTRAINT fk_onboarding_assignment_hire FOREIGN KEY (hire_id) REFERENCES app_user (id),
    CONSTRAINT fk_onboarding_assignment_mentor FOREIGN KEY (mentor_id) REFERENCES app_user (id)
);

-- Each step of an assignment: the task it created (learning: the hire's; drill and feedback: the
-- mentor's) and, once recorded, the drill score or the mentor's ratings and comment.
CREATE TABLE onboarding_step (
    assignment_id UUID          NOT NULL,
    step_key      VARCHAR(40)   NOT NULL,
    task_id       UUID,
    score         INTEGER,
    ratings       VARCHAR(2000),
    comment_text  VARCHAR(2000),
    recorded_at   TIMESTAMP WITH TIME ZONE,
    recorded_by   UUID,
    CONSTRAINT pk_onboarding_step PRIMARY KEY (assignment_id, step_key),
    CONSTRAINT fk_onboarding_step_assignment FOREIGN KEY (assignment_id) REFERENCES onboarding_assignment (id),
    CONSTRAINT fk_onboarding_step_task FOREIGN KEY (task_id) REFERENCES task (id)
);
