-- Every questionnaire version that was ever loaded, as the file's exact text, so that
-- responses given to an earlier version can still be read after the file has changed.
-- TEXT is a CLOB in H2 and unlimited text in PostgreSQL; it is never indexed.
CREATE TABLE questionnaire_version
(
    questionnaire_id VARCHAR(64)              NOT NULL,
    version          VARCHAR(64)              NOT NULL,
    source_name      VARCHAR(1024)            NOT NULL,
    content          TEXT                     NOT NULL,
    loaded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (questionnaire_id, version)
);
