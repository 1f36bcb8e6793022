-- Where a person's Teams identity came from: typed into people.csv ('CSV', an override that
-- Graph never replaces) or found in Microsoft Graph by their address ('GRAPH', kept when a
-- re-import leaves the columns empty). And whether people.csv named a channel: a person
-- without one is asked in Teams once Graph has found them. People imported before are
-- taken to have chosen their channel (an explicit "E-post" must not turn into Teams); the
-- next import of people.csv records what the file says.
ALTER TABLE person ADD COLUMN teams_source VARCHAR(8);
ALTER TABLE person ADD COLUMN channel_given BOOLEAN DEFAULT TRUE NOT NULL;

UPDATE person SET teams_source = 'CSV' WHERE entra_object_id IS NOT NULL;
