-- Send-outs as loaded from scheduler/. Operator decisions (closing early) live in their own
-- columns so that reloading a definition never undoes them.
CREATE TABLE send_out
(
    id               VARCHAR(100)  NOT NULL PRIMARY KEY,
    title            VARCHAR(500)  NOT NULL,
    questionnaire_id VARCHAR(64)   NOT NULL,
    audience         VARCHAR(10000) NOT NULL,
    opens_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline         TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE,
    source           VARCHAR(500)  NOT NULL,
    loaded_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
