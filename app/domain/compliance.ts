// Compliance checks: which exist, whether each belongs to the person (reused
// across roles) or to one application, what a role requires by default, and
// the offer gate.
import { activeStages, gatedStages, stageLabels, type Stage } from "./pipeline";
import { DAY_MS } from "./dates";

export const checkTypes = [
  "nda",
  "ip_assignment",
  "worker_classification",
  "background_check",
  "data_access_clearance",
  "privacy_training",
  "right_to_work",
] as const;
export type CheckType = (typeof checkTypes)[number];

export const checkTypeLabels: Record<CheckType, string> = {
  nda: "NDA",
  ip_assignment: "IP assignment",
  worker_classification: "Worker classification",
  background_check: "Background check",
  data_access_clearance: "Sensitive-data access clearance",
  privacy_training: "SOC 2 / GDPR / CCPA training",
  right_to_work: "Right to work",
};

/**
 * person: one check for the person (or agency) reused across roles, e.g. an NDA
 * with our company. application: specific to one engagement, e.g. who owns the
 * IP of this work, how this engagement is classified.
 */
export const checkScope: Record<CheckType, "person" | "application"> = {
  nda: "person",
  ip_assignment: "application",
  worker_classification: "application",
  background_check: "person",
  data_access_clearance: "application",
  privacy_training: "person",
  right_to_work: "person",
};

export const checkStatuses = [
  "not_requested",
  "requested",
  "received",
  "verified",
  "waived",
  "failed",
  "expired",
] as const;
export type CheckStatus = (typeof checkStatuses)[number];
export const checkStatusLabels: Record<CheckStatus, string> = {
  not_requested: "Not requested",
  requested: "Requested",
  received: "Received",
  verified: "Verified",
  waived: "Waived",
  failed: "Failed",
  expired: "Expired",
};

/** A required check not yet cleared, with where it stands. */
export type MissingCheck = { type: CheckType; status: CheckStatus };

/** Worst first: a failed or lapsed check is a problem, one not yet asked for is work not started, one under way is waiting. */
const attentionOrder: CheckStatus[] = [
  "failed",
  "expired",
  "not_requested",
  "requested",
  "received",
  "verified",
  "waived",
];
export function byAttention(a: MissingCheck, b: MissingCheck): number {
  return (
    attentionOrder.indexOf(a.status) - attentionOrder.indexOf(b.status) ||
    checkTypes.indexOf(a.type) - checkTypes.indexOf(b.type)
  );
}

/** "IP assignment (failed)": the check and where it stands, so a failure does not read like paperwork in the post. */
export function missingCheckText(m: MissingCheck): string {
  return `${checkTypeLabels[m.type]} (${checkStatusLabels[m.status].toLowerCase()})`;
}

/** Whether a missing check is a problem (failed or expired) rather than paperwork still under way. */
export function isCheckProblem(m: MissingCheck): boolean {
  return m.status === "failed" || m.status === "expired";
}

export const classifications = ["w2", "1099", "agency", "corp_to_corp", "employer_of_record"] as const;
export type Classification = (typeof classifications)[number];
export const classificationLabels: Record<Classification, string> = {
  w2: "W-2 employee",
  "1099": "1099 contractor",
  agency: "Through an agency",
  corp_to_corp: "Corp-to-corp",
  employer_of_record: "Employer of record",
};

export const ALWAYS_REQUIRED: readonly CheckType[] = ["nda", "ip_assignment", "worker_classification"];
export const SENSITIVE_DATA_REQUIRED: readonly CheckType[] = ["background_check", "data_access_clearance"];

/** A role's required checks: the three always, two more for sensitive data, plus any extra it asks for. */
export function requiredChecksFor(input: { touchesSensitiveData: boolean; extra?: readonly string[] }): CheckType[] {
  const wanted = new Set<string>([
    ...ALWAYS_REQUIRED,
    ...(input.touchesSensitiveData ? SENSITIVE_DATA_REQUIRED : []),
    ...(input.extra ?? []),
  ]);
  return checkTypes.filter((t) => wanted.has(t));
}

export type CheckState = { type: CheckType; status: CheckStatus; expiresAt: string | null };

/** What a check's form starts from: its stored fields (status as stored, not as it reads today), or blanks. */
export type EditableCheck = {
  type: CheckType;
  status: CheckStatus;
  classification: Classification | null;
  rationale: string | null;
  waiverReason: string | null;
  expiresAt: string | null;
  evidenceRef: string | null;
  detail: string | null;
  version: number | null;
};

/** The fields of a check a save can change, in the order its history names them. */
export const checkFields = [
  "status",
  "classification",
  "rationale",
  "waiverReason",
  "expiresAt",
  "evidenceRef",
  "detail",
] as const;
export type CheckField = (typeof checkFields)[number];
export const checkFieldLabels: Record<CheckField, string> = {
  status: "status",
  classification: "classification",
  rationale: "note",
  waiverReason: "waiver reason",
  expiresAt: "expiry date",
  evidenceRef: "evidence reference",
  detail: "findings",
};

export const EXPIRY_PASSED_MESSAGE =
  "This date has passed: a verified or received check needs an expiry date in the future, or none";
export const VERIFIED_NEEDS_EVIDENCE_MESSAGE =
  "Give the evidence reference, or say in the note why a verified check has none";

/**
 * What is wrong with a check as it would be saved on `today` (ISO date), field by field: a verified or
 * received check with an expiry already past would read "Expired" the moment it is saved, so its expiry
 * is in the future or there is none; a verified check names its evidence, or a note says why it has none
 * (a worker classification's rationale, which it requires anyway, is that note).
 */
export function checkSaveProblems(
  check: { status: CheckStatus; expiresAt: string | null; evidenceRef: string | null; rationale: string | null },
  today: string,
): { field: CheckField; message: string }[] {
  const problems: { field: CheckField; message: string }[] = [];
  const current = check.status === "verified" || check.status === "received";
  if (current && check.expiresAt && check.expiresAt < today)
    problems.push({ field: "expiresAt", message: EXPIRY_PASSED_MESSAGE });
  if (check.status === "verified" && !check.evidenceRef && !check.rationale)
    problems.push({ field: "evidenceRef", message: VERIFIED_NEEDS_EVIDENCE_MESSAGE });
  return problems;
}

function listText(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * One line of a check's history: "set verified", "set verified; changed evidence reference",
 * "changed evidence reference and expiry date". `fields` is null on entries saved before the
 * changed fields were kept: those say only the status they set.
 */
export function checkHistoryText(entry: { status: string; fields: readonly string[] | null }): string {
  const status = (checkStatusLabels[entry.status as CheckStatus] ?? entry.status.replace(/_/g, " ")).toLowerCase();
  if (entry.fields === null) return `set ${status}`;
  const others = checkFields.filter((f) => f !== "status" && entry.fields!.includes(f)).map((f) => checkFieldLabels[f]);
  if (entry.fields.includes("status"))
    return others.length ? `set ${status}; changed ${listText(others)}` : `set ${status}`;
  return others.length ? `changed ${listText(others)}` : `saved again (${status}) with no change`;
}

/** Whether a check clears the gate on `today` (ISO date): verified or waived, and not past its expiry. */
export function isSatisfied(check: CheckState | undefined, today: string): boolean {
  if (!check) return false;
  if (check.status !== "verified" && check.status !== "waived") return false;
  return !(check.expiresAt && check.expiresAt < today);
}

/** The status to show: a verified check past its expiry date reads as expired. */
export function effectiveStatus(check: CheckState | undefined, today: string): CheckStatus {
  if (!check) return "not_requested";
  if (check.expiresAt && check.expiresAt < today && (check.status === "verified" || check.status === "received"))
    return "expired";
  return check.status;
}

export function missingChecks(required: readonly CheckType[], checks: CheckState[], today: string): CheckType[] {
  return required.filter(
    (type) =>
      !isSatisfied(
        checks.find((c) => c.type === type),
        today,
      ),
  );
}

/** A day as the app writes it: "Jan 3, 2025". */
function dayText(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}

/**
 * The required checks that lapsed by date, with the day each expired: on file as cleared or under way
 * (verified, waived, received or marked expired) but with an expiry before `today`.
 */
export function lapsedChecks(checks: CheckState[], today: string): Partial<Record<CheckType, string>> {
  const lapsing: CheckStatus[] = ["verified", "waived", "received", "expired"];
  return Object.fromEntries(
    checks
      .filter((c) => c.expiresAt && c.expiresAt < today && lapsing.includes(c.status))
      .map((c) => [c.type, c.expiresAt]),
  );
}

/** A missing check as the gate names it: "NDA", or "NDA (expired Jan 3, 2025)" when its date has passed. */
export function gateCheckName(type: CheckType, lapsed: Partial<Record<CheckType, string>> = {}): string {
  const on = lapsed[type];
  return on ? `${checkTypeLabels[type]} (expired ${dayText(on)})` : checkTypeLabels[type];
}

export type GateResult = { ok: true } | { ok: false; missing: CheckType[]; message: string };

/**
 * The offer gate: no move to offer or hired while a required check is neither verified nor waived. A check
 * refused because its expiry date has passed is named with that date, so the refusal says why.
 */
export function offerGate(input: {
  to: Stage;
  required: readonly CheckType[];
  checks: CheckState[];
  today: string;
}): GateResult {
  if (!gatedStages.includes(input.to)) return { ok: true };
  const missing = missingChecks(input.required, input.checks, input.today);
  if (missing.length === 0) return { ok: true };
  const lapsed = lapsedChecks(input.checks, input.today);
  const names = missing.map((t) => gateCheckName(t, lapsed));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return {
    ok: false,
    missing,
    message: `Cannot move to ${stageLabels[input.to]} until these required checks are verified or waived: ${list}.`,
  };
}

/** Days a request has been open, for "stale request" flags on the HR board. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}

/** How long ago a request went out, as the board says it: "today", "1 day ago", "12 days ago". */
export function requestAgeText(requestedAt: string, today: string): string {
  const days = Math.max(0, daysBetween(requestedAt, today));
  return days === 0 ? "today" : days === 1 ? "1 day ago" : `${days} days ago`;
}

export const STALE_REQUEST_DAYS = 7;
export const EXPIRING_SOON_DAYS = 30;

export function checkFlags(
  check: { status: CheckStatus; requestedAt: string | null; expiresAt: string | null },
  today: string,
) {
  const stale =
    check.status === "requested" &&
    check.requestedAt !== null &&
    daysBetween(check.requestedAt, today) > STALE_REQUEST_DAYS;
  const expiringSoon =
    check.expiresAt !== null &&
    check.expiresAt >= today &&
    daysBetween(today, check.expiresAt) <= EXPIRING_SOON_DAYS &&
    (check.status === "verified" || check.status === "received");
  return { stale, expiringSoon };
}

/** A check needing someone's attention now: a stale request, a failure, an expiry past or near. */
export function needsAttention(row: { stale: boolean; expiringSoon: boolean; status: CheckStatus }): boolean {
  return row.stale || row.expiringSoon || row.status === "failed" || row.status === "expired";
}

/** Applications per page of the HR board: a busy organisation's board runs to thousands. */
export const BOARD_PAGE_SIZE = 50;

const byText = new Intl.Collator("en", { numeric: true });

/** How far along a stage is, for the board's order: the later, the sooner listed. */
export function stageReached(stage: Stage): number {
  return activeStages.indexOf(stage as (typeof activeStages)[number]);
}

/**
 * The HR board's order above the name: flagged applications first, then the furthest along, then by role title.
 * Given how many applications each (flag, stage, role) holds, the tiers in that order, roles whose titles sort
 * alike in one tier (their applications are then ordered by name together), each with its size.
 */
export function boardTiers<S extends Stage>(
  buckets: { flagged: number; stage: S; roleId: number; title: string; n: number }[],
): { flagged: number; stage: S; roleIds: number[]; n: number }[] {
  // Each title's place among the titles, equal titles sharing one, so the buckets sort by numbers (a company's
  // thousand roles make ten thousand buckets; comparing their titles each time is most of the sort).
  const titles = [...new Set(buckets.map((b) => b.title))].sort(byText.compare);
  const place = new Map<string, number>();
  titles.forEach((title, i) =>
    place.set(title, i > 0 && byText.compare(titles[i - 1], title) === 0 ? place.get(titles[i - 1])! : i),
  );
  const sorted = [...buckets].sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      stageReached(b.stage) - stageReached(a.stage) ||
      place.get(a.title)! - place.get(b.title)! ||
      a.roleId - b.roleId,
  );
  const tiers: { flagged: number; stage: S; roleIds: number[]; n: number; title: string }[] = [];
  for (const b of sorted) {
    const last = tiers[tiers.length - 1];
    if (
      last &&
      Number(last.flagged) === Number(b.flagged) &&
      last.stage === b.stage &&
      place.get(last.title) === place.get(b.title)
    ) {
      last.roleIds.push(b.roleId);
      last.n += b.n;
    } else tiers.push({ flagged: Number(b.flagged), stage: b.stage, roleIds: [b.roleId], n: b.n, title: b.title });
  }
  return tiers.map(({ title: _title, ...tier }) => tier);
}

/**
 * A check as its history keeps it after each save: its columns as JSON (times as ISO strings), with the
 * background-check findings replaced by "(recorded)" so the history never holds them.
 */
export type CheckSnapshot = { [column: string]: string | number | boolean | null };

export function checkSnapshot(row: { detail: string | null } & Record<string, unknown>): CheckSnapshot {
  const out: CheckSnapshot = {};
  for (const [key, value] of Object.entries(row))
    out[key] =
      key === "detail"
        ? value
          ? "(recorded)"
          : null
        : value instanceof Date
          ? value.toISOString()
          : (value as string | number | boolean | null);
  return out;
}

/**
 * What the HR board (and its CSV) lists: open applications on one role or all, finalists only or not, with the
 * required checks of the given types (none: every type) in a status, "missing" (not cleared) or any.
 */
export type BoardFilter = {
  roleId: number | null;
  /** Check types to list, any of them; empty for every type. */
  types: CheckType[];
  status: CheckStatus | "missing" | "all";
  /** Only finalists (final and offer stages), the applications the per-role summaries count. */
  finalists?: boolean;
};

/**
 * The board's filter from its query (`?role=3&stage=finalists&check=nda&check=ip_assignment&status=missing`):
 * several `check` parameters pick several types; anything unknown is dropped, a bad status reads as "missing".
 */
export function boardFilterFromParams(params: URLSearchParams): BoardFilter {
  const roleId = Number(params.get("role"));
  const picked = params.getAll("check");
  const status = params.get("status") ?? "missing";
  return {
    roleId: Number.isSafeInteger(roleId) && roleId > 0 ? roleId : null,
    // In the order of checkTypes, each once, whatever order the query gave.
    types: checkTypes.filter((t) => picked.includes(t)),
    status:
      status === "all" || status === "missing" || (checkStatuses as readonly string[]).includes(status)
        ? (status as BoardFilter["status"])
        : "missing",
    finalists: params.get("stage") === "finalists",
  };
}

/** The query that gives a board filter back (the pager's links, the CSV link); "page" is left to the caller. */
export function boardFilterParams(filter: BoardFilter): [string, string][] {
  return [
    ...(filter.roleId ? [["role", String(filter.roleId)] as [string, string]] : []),
    ...(filter.finalists ? [["stage", "finalists"] as [string, string]] : []),
    ...filter.types.map((t) => ["check", t] as [string, string]),
    ["status", filter.status],
  ];
}
