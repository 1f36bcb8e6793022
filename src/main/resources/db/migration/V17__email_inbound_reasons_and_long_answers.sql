-- Whether an email recorded nothing the person wrote (a reply that could not be read or
-- mapped onto any question), as a column instead of words in email_inbound.detail; and
-- retries of an email whose processing failed for a reason that passes (the database, the
-- mail server): how often it was tried and when to try again.
ALTER TABLE email_inbound ADD COLUMN not_understood BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE email_inbound ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE email_inbound ADD COLUMN retry_at TIMESTAMP WITH TIME ZONE;
UPDATE email_inbound SET not_understood = TRUE WHERE status = 'RECORDED' AND detail LIKE '%, 0 answer(s)%';

-- Long answers are kept whole: a text answer may be up to 200,000 characters (stored as
-- JSON, which escapes line breaks), where 4,000 was the limit before.
ALTER TABLE answer ALTER COLUMN answer_value SET DATA TYPE VARCHAR(1000000);
ALTER TABLE response_audit ALTER COLUMN old_value SET DATA TYPE VARCHAR(1000000);
ALTER TABLE response_audit ALTER COLUMN new_value SET DATA TYPE VARCHAR(1000000);
