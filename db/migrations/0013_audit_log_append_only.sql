-- The audit log is append-only: no entry is ever changed, and none younger than a
-- year is deleted (app/domain/audit.ts AUDIT_MIN_RETENTION_DAYS). Pruning older
-- entries is the only delete allowed.
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events`
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_events_keep_a_year` BEFORE DELETE ON `audit_events`
WHEN old.`at` > (unixepoch('subsec') * 1000) - 365 * 86400000
BEGIN
  SELECT RAISE(ABORT, 'audit_events entries are kept for at least a year');
END;
