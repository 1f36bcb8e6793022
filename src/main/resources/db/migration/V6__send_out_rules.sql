-- Reminder, sending-hour, pause, escalation and digest rules of a send-out, the send-out
-- of the previous round for recurring ones, and the operator's decisions (pause, extended
-- deadline, opened early by "send now"), which a reload of the definition never undoes.
ALTER TABLE send_out ADD COLUMN rules VARCHAR(10000);
ALTER TABLE send_out ADD COLUMN previous_id VARCHAR(100);
ALTER TABLE send_out ADD COLUMN deadline_override TIMESTAMP WITH TIME ZONE;
ALTER TABLE send_out ADD COLUMN paused_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE send_out ADD COLUMN opens_override TIMESTAMP WITH TIME ZONE;
