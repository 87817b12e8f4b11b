-- Studio (issue #10): the dashboard composer. Which KPI tiles and charts the overview shows, in which
-- order: a user's own layout (owner_id set) or the team's default (owner_id null, set by a manager).
-- widgets is a small JSON list of widget keys ("kpi.SIGNED_AMOUNT", "chart.signed").
CREATE TABLE dashboard_layout (
    id            UUID          NOT NULL PRIMARY KEY,
    owner_id      UUID,
    widgets       VARCHAR(4000) NOT NULL,
    version       BIGINT        NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    UUID,
    CONSTRAINT fk_dashboard_layout_owner FOREIGN KEY (owner_id) REFERENCES app_user (id)
);
