-- Several instances may start at once on an empty database. Every write done at start-up
-- (directory seed, send-out definitions, the demo) takes this row with SELECT ... FOR UPDATE
-- first, so they run one instance after the other and the second sees the first's work.
CREATE TABLE startup_lock
(
  name VARCHAR(40) NOT NULL PRIMARY KEY
);

INSERT INTO startup_lock (name) VALUES ('startup');

-- Quartz inserts its lock rows on first use; two schedulers starting together could both
-- try, and one would fail. Present from the start, they are only ever locked. (A database
-- that has run Quartz already has them.)
INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME)
SELECT 'samla', 'TRIGGER_ACCESS' WHERE NOT EXISTS
  (SELECT 1 FROM QRTZ_LOCKS WHERE SCHED_NAME = 'samla' AND LOCK_NAME = 'TRIGGER_ACCESS');
INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME)
SELECT 'samla', 'STATE_ACCESS' WHERE NOT EXISTS
  (SELECT 1 FROM QRTZ_LOCKS WHERE SCHED_NAME = 'samla' AND LOCK_NAME = 'STATE_ACCESS');
