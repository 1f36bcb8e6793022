-- Whether a send-out is sent at all (enabled: in its file). Existing send-outs stay enabled.
ALTER TABLE send_out ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
