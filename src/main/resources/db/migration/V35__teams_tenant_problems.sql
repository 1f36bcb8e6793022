-- What keeps the bot from a tenant, for operators (status command and endpoint): a registration
-- whose token Entra or the Bot Connector refuses, people in a tenant without a registration,
-- activities refused for a token of the wrong tenant's app. One row per tenant and kind, counted.
CREATE TABLE teams_tenant_problem (
    tenant_id    VARCHAR(100)             NOT NULL,
    kind         VARCHAR(30)              NOT NULL,
    reason       VARCHAR(1000),
    occurrences  BIGINT                   NOT NULL,
    first_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, kind)
);
