-- Installing Samla's Teams app for a person through Graph: the latest attempt per person, so
-- that a refusal (no permission granted yet, the app not in the tenant's catalog) is asked
-- again after a back-off, or at once when the tenant's set-up changed (another
-- registration or catalog id: "setup"; an installation that worked for someone else in the
-- tenant since), and so that operators and project leads can see why the person got email.
CREATE TABLE teams_app_install (
    aad_object_id  VARCHAR(36)              NOT NULL PRIMARY KEY,
    person_id      UUID,
    tenant_id      VARCHAR(100)             NOT NULL,
    outcome        VARCHAR(20)              NOT NULL,
    reason         VARCHAR(1000),
    setup          VARCHAR(64),
    tried_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX teams_app_install_by_tenant ON teams_app_install (tenant_id, outcome);

-- A refused installation used to mark the person unreachable in Teams for good (until they
-- wrote to the bot): give them back their Teams route, it is asked again now.
UPDATE contact_route SET reachable = TRUE, reason = NULL
WHERE channel = 'TEAMS' AND reachable = FALSE AND reason LIKE 'Teams app could not be installed%';
