-- The channel's reference for what became of an outbox row: the email's Message-ID, the
-- Teams activity id, or "logged:<key>" when a stand-in for a channel that was not
-- configured only wrote it to the log. Such rows now end as LOGGED, never SENT, and
-- resend-logged queues them again.
ALTER TABLE outbox ADD COLUMN reference VARCHAR(1000);

-- Rows an earlier version marked SENT are told apart by the channels' own records, which
-- a real send always wrote (the email channel after the server accepted the message, the
-- Teams channel before its request) and a stand-in never did: a SENT row with no such
-- record was only logged, and gets a stand-in's reference so resend-logged finds it.
UPDATE outbox SET reference = (SELECT MIN(e.message_id) FROM email_sent e WHERE e.outbox_key = outbox.message_key)
WHERE status = 'SENT' AND channel = 'EMAIL';
UPDATE outbox SET reference = 'logged:' || message_key
WHERE status = 'SENT' AND channel = 'EMAIL' AND reference IS NULL;
UPDATE outbox SET reference = (SELECT MIN(t.activity_id) FROM teams_sent t WHERE t.send_key = outbox.message_key)
WHERE status = 'SENT' AND channel = 'TEAMS';
UPDATE outbox SET reference = 'logged:' || message_key
WHERE status = 'SENT' AND channel = 'TEAMS' AND reference IS NULL
  AND NOT EXISTS (SELECT 1 FROM teams_sent t WHERE t.send_key = outbox.message_key);
