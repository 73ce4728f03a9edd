// The audit log's vocabulary: which events are recorded, what each entry may
// hold, and for how long. An entry names the actor, the action, the record (its
// type and id), the names of the fields that changed and a few non-personal
// facts (a stage, an outcome, a count); never a person's name, email, notes,
// pay or findings, so erasing a candidate never has to rewrite the log.
import { DAY_MS } from "./dates";
import { stageLabels } from "./pipeline";

export const auditActions = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "user.create",
  "user.update",
  "user.kind_change",
  "user.deactivate",
  "user.reactivate",
  "user.password_reset",
  "role.create",
  "role.update",
  "template.update",
  "application.create",
  "application.stage_move",
  "application.quote",
  "decision.record",
  "offer.update",
  "offer.approve",
  "offer.accept",
  "check.update",
  "interview.reschedule",
  "interview.cancel",
  "scorecard.submit",
  "scorecard.amend",
  "take_home.reveal",
  "csv.export",
  "csv.import",
  "candidate.export",
  "candidate.erase",
  "candidate.hold",
  "candidate.hold_end",
  "retention.update",
  "retention.run",
  "pay.view",
  "findings.view",
  "audit.export",
  "user.digest_off",
  "api_key.create",
  "api_key.revoke",
  "webhook.create",
  "webhook.update",
  "webhook.delete",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditActionLabels: Record<AuditAction, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.sign_out": "Signed out",
  "user.create": "Created a user",
  "user.update": "Changed a user",
  "user.kind_change": "Changed a user's kind",
  "user.deactivate": "Deactivated a user",
  "user.reactivate": "Reactivated a user",
  "user.password_reset": "Reset a password",
  "role.create": "Created a role",
  "role.update": "Changed a role",
  "template.update": "Changed a scorecard template",
  "application.create": "Added an application",
  "application.stage_move": "Moved a stage",
  "application.quote": "Changed a bid's quote",
  "decision.record": "Recorded a decision",
  "offer.update": "Changed an offer",
  "offer.approve": "Answered an offer approval",
  "offer.accept": "Marked an offer accepted",
  "check.update": "Changed a compliance check",
  "interview.reschedule": "Rescheduled an interview",
  "interview.cancel": "Cancelled an interview",
  "scorecard.submit": "Submitted a scorecard",
  "scorecard.amend": "Amended a scorecard",
  "take_home.reveal": "Revealed a take-home's candidate",
  "csv.export": "Exported a CSV",
  "csv.import": "Imported a CSV",
  "candidate.export": "Exported a candidate's data",
  "candidate.erase": "Erased a candidate",
  "candidate.hold": "Placed a legal hold",
  "candidate.hold_end": "Ended a legal hold",
  "retention.update": "Changed the retention period",
  "retention.run": "Ran the retention rules",
  "pay.view": "Viewed pay",
  "findings.view": "Viewed background-check findings",
  "audit.export": "Exported the audit log",
  "user.digest_off": "Turned the daily digest off",
  "api_key.create": "Created an API key",
  "api_key.revoke": "Revoked an API key",
  "webhook.create": "Registered a webhook endpoint",
  "webhook.update": "Changed a webhook endpoint",
  "webhook.delete": "Deleted a webhook endpoint",
};

/** The kinds of record an entry can point at. */
export const auditSubjects = [
  "user",
  "role",
  "candidate",
  "application",
  "check",
  "interview",
  "scorecard",
  "take_home",
  "decision",
  "offer",
  "audit_log",
  "api_key",
  "webhook",
] as const;
export type AuditSubject = (typeof auditSubjects)[number];

export const auditSubjectLabels: Record<AuditSubject, string> = {
  user: "User",
  role: "Role",
  candidate: "Candidate",
  application: "Application",
  check: "Compliance check",
  interview: "Interview",
  scorecard: "Scorecard",
  take_home: "Take-home",
  decision: "Decision",
  offer: "Offer",
  audit_log: "Audit log",
  api_key: "API key",
  webhook: "Webhook endpoint",
};

/**
 * The facts an entry may carry besides field names, by name. Each is a label
 * from a reference list, a count or a flag; free text typed by a person (a
 * reason, a note, a name) has no key here and cannot be stored.
 */
export const auditDetailKeys = [
  "from",
  "to",
  "outcome",
  "kind",
  "check",
  "status",
  "rows",
  "rejected",
  "format",
  "report",
  "maskedName",
  "erased",
  "dryRun",
  "reason",
  "until",
  "due",
  "refused",
  "months",
  "trigger",
  "method",
  "scopes",
] as const;
export type AuditDetailKey = (typeof auditDetailKeys)[number];
export type AuditDetail = Partial<Record<AuditDetailKey, string | number | boolean>>;

/** A detail string is a short label (a stage, an outcome, a check type), never prose. */
export const AUDIT_DETAIL_MAX_LENGTH = 40;

export type AuditDetailProblem = { key: string; problem: string };

/** Why a detail cannot be stored, or null when it can: unknown keys, long or multi-word text. */
export function auditDetailProblem(detail: Record<string, unknown>): AuditDetailProblem | null {
  for (const [key, value] of Object.entries(detail)) {
    if (!(auditDetailKeys as readonly string[]).includes(key)) return { key, problem: "not an audit detail" };
    if (typeof value === "number" || typeof value === "boolean") continue;
    if (typeof value !== "string") return { key, problem: "must be a label, a number or a flag" };
    if (value.length > AUDIT_DETAIL_MAX_LENGTH || !/^[\w.:*#-]*$/u.test(value))
      return { key, problem: "must be a short label" };
  }
  return null;
}

/** A name as the log may show it: its first letter and asterisks ("Jane Doe" -> "J***"). */
export function maskName(name: string): string {
  const first = [...name.trim()][0];
  return first ? `${first.toUpperCase()}***` : "***";
}

/** The names of the fields whose values differ between two versions of a record (values are never logged). */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T & string)[] = Object.keys(after) as (keyof T & string)[],
): string[] {
  const same = (a: unknown, b: unknown) =>
    a instanceof Date && b instanceof Date
      ? a.getTime() === b.getTime()
      : JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return fields.filter((f) => f in after && !same(before[f], after[f]));
}

/** Entries are kept at least a year; a longer period is configurable (AUDIT_RETENTION_DAYS). */
export const AUDIT_MIN_RETENTION_DAYS = 365;
export const AUDIT_DEFAULT_RETENTION_DAYS = 730;

/** Entries recorded before this time may be pruned. */
export function auditPruneBefore(now: Date, retentionDays: number): Date {
  const days = Math.max(retentionDays, AUDIT_MIN_RETENTION_DAYS);
  return new Date(now.getTime() - days * DAY_MS);
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = {
  actorId?: number | null;
  action?: AuditAction | null;
  subjectType?: AuditSubject | null;
  subjectId?: number | null;
  applicationId?: number | null;
  /** ISO days, inclusive. */
  from?: string | null;
  to?: string | null;
};

/** Where an entry's record can be opened, when it has a page of its own (or its application's). */
export function auditRecordHref(entry: {
  subjectType: AuditSubject | null;
  subjectId: number | null;
  applicationId: number | null;
}): string | null {
  const { subjectType: type, subjectId: id } = entry;
  if (type && id !== null) {
    const own: Partial<Record<AuditSubject, string>> = {
      user: `/admin/users/${id}`,
      role: `/roles/${id}`,
      candidate: `/candidates/${id}`,
      application: `/applications/${id}`,
      interview: `/interviews/${id}`,
      take_home: `/take-homes/${id}`,
      api_key: `/admin/api-keys?calls=${id}`,
      webhook: `/admin/webhooks/${id}`,
    };
    if (own[type]) return own[type];
  }
  return entry.applicationId !== null ? `/applications/${entry.applicationId}` : null;
}

/** An entry's facts as short text ("from: screen, to: interview"); field names listed apart. */
export function auditDetailText(detail: AuditDetail): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(", ");
}

/** What a viewer of an application may read about it; each entry kind needs the right to see what it is about. */
export type ActivityRights = { offer: boolean; compliance: boolean; allFeedback: boolean };

const activityNeeds: Partial<Record<AuditAction, keyof ActivityRights>> = {
  "offer.update": "offer",
  // A bid's price is pay: its changes show to those who see offers.
  "application.quote": "offer",
  "offer.approve": "offer",
  "offer.accept": "offer",
  "pay.view": "offer",
  "check.update": "compliance",
  "findings.view": "compliance",
  // Under blind feedback, who has submitted and what was decided stay with those who read every scorecard.
  "scorecard.submit": "allFeedback",
  "scorecard.amend": "allFeedback",
  "decision.record": "allFeedback",
};

/** The entry kinds an application's activity panel shows this viewer (a viewer always sees their own entries). */
export function activityActionsFor(rights: ActivityRights): AuditAction[] {
  return auditActions.filter((a) => {
    const need = activityNeeds[a];
    return need === undefined || rights[need];
  });
}

/** One line of an activity panel: the action's label and its facts, in words. */
export function activityText(entry: { action: AuditAction; fields: string[]; detail: AuditDetail }): string {
  const { detail } = entry;
  const facts: string[] = [];
  if (typeof detail.from === "string" && typeof detail.to === "string")
    facts.push(`${stageWord(detail.from)} → ${stageWord(detail.to)}`);
  else if (typeof detail.to === "string") facts.push(`at ${stageWord(detail.to)}`);
  if (typeof detail.outcome === "string") facts.push(String(detail.outcome).replace(/_/g, " "));
  const fields = entry.fields.filter((f) => f !== "stage");
  if (fields.length && entry.action !== "application.stage_move") facts.push(`fields: ${fields.join(", ")}`);
  return facts.length ? `${auditActionLabels[entry.action]} (${facts.join("; ")})` : auditActionLabels[entry.action];
}

function stageWord(stage: string): string {
  return stageLabels[stage as keyof typeof stageLabels] ?? stage.replace(/_/g, " ");
}
