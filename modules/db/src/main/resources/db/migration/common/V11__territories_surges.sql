-- Territories (a set of GB/T 2260 region codes owned by a team or a rep, drawn on the map),
-- temporary access of a rep to another region's public pool (公海) and leads, and demand surge
-- alerts with their suggested reallocation of reps.

CREATE TABLE territory (
    id                  UUID          NOT NULL PRIMARY KEY,
    name                VARCHAR(100)  NOT NULL,
    owner_org_unit_id   UUID,
    owner_user_id       UUID,
    colour              VARCHAR(7)    NOT NULL,
    version             BIGINT        NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          UUID,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          UUID,
    deleted_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_territory_org_unit FOREIGN KEY (owner_org_unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_territory_user FOREIGN KEY (owner_user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_territory_owner_unit ON territory (owner_org_unit_id);
CREATE INDEX ix_territory_owner_user ON territory (owner_user_id);

-- A region belongs to at most one territory: the primary key says so. A deleted territory's
-- rows are removed with it (the change history keeps which codes it had).
CREATE TABLE territory_region (
    region_code   VARCHAR(6) NOT NULL PRIMARY KEY,
    territory_id  UUID       NOT NULL,
    CONSTRAINT fk_territory_region_territory FOREIGN KEY (territory_id) REFERENCES territory (id),
    CONSTRAINT fk_territory_region_region FOREIGN KEY (region_code) REFERENCES region (code)
);
CREATE INDEX ix_territory_region_territory ON territory_region (territory_id);

-- A surge: inquiries (new leads) of a region key (a macro-region such as 华东, or a province
-- code) in a recent window against the mean of the previous equal windows. The suggestion is JSON
-- text (reps to lend with their load index, the regions to open, for how many days).
CREATE TABLE surge_alert (
    id                UUID          NOT NULL PRIMARY KEY,
    region_key        VARCHAR(16)   NOT NULL,
    window_mode       VARCHAR(16)   NOT NULL,
    window_start      TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end        TIMESTAMP WITH TIME ZONE NOT NULL,
    recent_count      INTEGER       NOT NULL,
    baseline          DECIMAL(12,2) NOT NULL,
    ratio             DECIMAL(12,2),
    suggestion        VARCHAR(8000) NOT NULL,
    status            VARCHAR(10)   NOT NULL,
    notified_user_id  UUID,
    decided_by        UUID,
    decided_at        TIMESTAMP WITH TIME ZONE,
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_surge_alert_notified FOREIGN KEY (notified_user_id) REFERENCES app_user (id),
    CONSTRAINT fk_surge_alert_decided FOREIGN KEY (decided_by) REFERENCES app_user (id)
);
CREATE INDEX ix_surge_alert_key ON surge_alert (region_key, status, created_at);
CREATE INDEX ix_surge_alert_status ON surge_alert (status, created_at);

-- Temporary access of a user to another region's public pool and its leads (dispatch counts the
-- region among theirs) from starts_at until expires_at; queries compare expires_at with now, so
-- a grant ends by itself. A revoked grant is kept with revoked_at set.
CREATE TABLE pool_access_grant (
    id            UUID          NOT NULL PRIMARY KEY,
    user_id       UUID          NOT NULL,
    region_code   VARCHAR(6)    NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    reason        VARCHAR(500)  NOT NULL,
    granted_by    UUID,
    surge_id      UUID,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_pool_access_grant_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_pool_access_grant_region FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT fk_pool_access_grant_by FOREIGN KEY (granted_by) REFERENCES app_user (id),
    CONSTRAINT fk_pool_access_grant_surge FOREIGN KEY (surge_id) REFERENCES surge_alert (id)
);
CREATE INDEX ix_pool_access_grant_user ON pool_access_grant (user_id, expires_at);
CREATE INDEX ix_pool_access_grant_expires ON pool_access_grant (expires_at);
