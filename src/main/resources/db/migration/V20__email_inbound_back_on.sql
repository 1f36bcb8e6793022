-- The day an absence notice says its writer is back (or the last day away), as a column of
-- its own: status shows it and reminders wait until after it. Before, it was only written into
-- the detail text ("…; back on 2027-01-07"), which is copied here once.
ALTER TABLE email_inbound ADD COLUMN back_on DATE;

UPDATE email_inbound
SET back_on = CAST(SUBSTRING(detail FROM POSITION('; back on ' IN detail) + 10 FOR 10) AS DATE)
WHERE status = 'AUTO_REPLY' AND detail LIKE '%; back on ____-__-__%';
