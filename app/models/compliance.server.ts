import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import {
  BOARD_PAGE_SIZE,
  boardTiers,
  stageReached,
  byAttention,
  checkFields,
  checkScope,
  checkSnapshot,
  checkTypes,
  type CheckState,
  type CheckStatus,
  type CheckType,
  type BoardFilter,
  type EditableCheck,
  type MissingCheck,
} from "~/domain/compliance";
import { changedFields } from "~/domain/audit";
import { isoDay } from "~/domain/dates";
import { isFinalist, openStages, type Stage } from "~/domain/pipeline";
import { scopesFor } from "~/domain/policy";
import type { CheckFormValues } from "~/schemas/application";
import { cachedDerived } from "~/utils/cache.server";
import { boardKeysSql, boardRowsSql, getDb, schema } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { queueCheckChanged } from "./webhook.server";
import { getMask, getShownName, type Mask } from "./masking.server";
import { managedBy, roleListOrder, roleTitleMatches, type Viewer } from "./role.server";

const { complianceChecks, complianceHistory, roles, users } = schema;

type Subject = { applicationId: number; candidateId: number | null; agencyId: number | null };
export type CheckRow = typeof complianceChecks.$inferSelect;

/** Where a check of this type lives for this application: on the person/agency, or on the application. */
function ownerOf(type: CheckType, subject: Subject) {
  if (checkScope[type] === "application")
    return { applicationId: subject.applicationId, candidateId: null, agencyId: null };
  return subject.candidateId !== null
    ? { applicationId: null, candidateId: subject.candidateId, agencyId: null }
    : { applicationId: null, candidateId: null, agencyId: subject.agencyId };
}

function ownerCondition(owner: ReturnType<typeof ownerOf>): SQL {
  if (owner.applicationId !== null) return eq(complianceChecks.applicationId, owner.applicationId);
  if (owner.candidateId !== null) return eq(complianceChecks.candidateId, owner.candidateId);
  return eq(complianceChecks.agencyId, owner.agencyId!);
}

/** Every check that applies to an application: its own, and its subject's person-level ones. */
export function listChecksForApplication(subject: Subject): CheckRow[] {
  const rows = getDb()
    .select()
    .from(complianceChecks)
    .where(
      or(
        eq(complianceChecks.applicationId, subject.applicationId),
        subject.candidateId !== null ? eq(complianceChecks.candidateId, subject.candidateId) : undefined,
        subject.agencyId !== null ? eq(complianceChecks.agencyId, subject.agencyId) : undefined,
      ),
    )
    .all();
  // Person-level types are read from the person, application-level from the application.
  return rows.filter((r) => (checkScope[r.type] === "application") === (r.applicationId !== null));
}

/**
 * The checks an application's page lists, in order: the role's required ones,
 * then any other type already on file; each with its stored row, if any, and
 * what its form starts from (findings only for those who may read them).
 */
export function listApplicationChecks(subject: Subject, required: CheckType[], options: { seesDetail: boolean }) {
  const rows = listChecksForApplication(subject);
  const types = [...required, ...checkTypes.filter((t) => !required.includes(t) && rows.some((r) => r.type === t))];
  return types.map((type) => {
    const row = rows.find((r) => r.type === type);
    const editable: EditableCheck = {
      type,
      status: row?.status ?? "not_requested",
      classification: row?.classification ?? null,
      rationale: row?.rationale ?? null,
      waiverReason: row?.waiverReason ?? null,
      expiresAt: row?.expiresAt ?? null,
      evidenceRef: row?.evidenceRef ?? null,
      detail: options.seesDetail ? (row?.detail ?? null) : null,
      version: row?.version ?? null,
    };
    return { type, required: required.includes(type), row, editable };
  });
}

export function listCheckHistory(checkIds: number[]) {
  if (checkIds.length === 0) return [];
  return getDb()
    .select({
      checkId: complianceHistory.checkId,
      status: complianceHistory.status,
      changedAt: complianceHistory.changedAt,
      changedBy: users.name,
      snapshot: complianceHistory.snapshot,
      fields: complianceHistory.fields,
    })
    .from(complianceHistory)
    .leftJoin(users, eq(users.id, complianceHistory.changedById))
    .where(inArray(complianceHistory.checkId, checkIds))
    .orderBy(desc(complianceHistory.changedAt), desc(complianceHistory.id))
    .all();
}

// History keeps what changed, not the private findings themselves.
const snapshotOf = (row: CheckRow) => checkSnapshot(row);

export type SaveCheckResult = { ok: true; checkId: number } | { ok: false; reason: "conflict" };

/** Create or update the check of `values.type` for an application's subject, with a history entry, atomically. */
export function saveCheck(input: {
  subject: Subject;
  values: CheckFormValues;
  actorId: number;
  now?: Date;
}): SaveCheckResult {
  const now = input.now ?? new Date();
  const today = isoDay(now);
  const { version, ...values } = input.values;
  const owner = ownerOf(values.type, input.subject);
  return getDb().transaction((tx) => {
    const existing = tx
      .select()
      .from(complianceChecks)
      .where(and(ownerCondition(owner), eq(complianceChecks.type, values.type)))
      .get();
    const verifying = values.status === "verified";
    const fields = {
      status: values.status,
      classification: values.type === "worker_classification" ? values.classification : null,
      rationale: values.rationale,
      waiverReason: values.status === "waived" ? values.waiverReason : null,
      expiresAt: values.expiresAt,
      evidenceRef: values.evidenceRef,
      detail: values.detail,
    };
    let row: CheckRow;
    if (existing) {
      if (version === null || version !== existing.version) return { ok: false, reason: "conflict" } as const;
      const stamp = {
        requestedAt: values.status === "requested" && existing.status !== "requested" ? today : existing.requestedAt,
        verifiedById: verifying ? (existing.status === "verified" ? existing.verifiedById : input.actorId) : null,
        verifiedAt: verifying ? (existing.status === "verified" ? existing.verifiedAt : now) : null,
      };
      row = tx
        .update(complianceChecks)
        .set({ ...fields, ...stamp, version: existing.version + 1, updatedAt: now })
        .where(and(eq(complianceChecks.id, existing.id), eq(complianceChecks.version, existing.version)))
        .returning()
        .get();
    } else {
      if (version !== null) return { ok: false, reason: "conflict" } as const;
      row = tx
        .insert(complianceChecks)
        .values({
          type: values.type,
          ...owner,
          ...fields,
          requestedAt: values.status === "requested" ? today : null,
          verifiedById: verifying ? input.actorId : null,
          verifiedAt: verifying ? now : null,
        })
        .returning()
        .get();
    }
    // The names of what this save changed (a new check: whatever it was given), never the values.
    const changed = existing
      ? changedFields(existing, fields, checkFields)
      : checkFields.filter((f) => f === "status" || fields[f] !== null);
    tx.insert(complianceHistory)
      .values({
        checkId: row.id,
        status: row.status,
        changedById: input.actorId,
        changedAt: now,
        snapshot: snapshotOf(row),
        fields: changed,
      })
      .run();
    recordAudit({
      actorId: input.actorId,
      action: "check.update",
      subject: { type: "check", id: row.id },
      applicationId: input.subject.applicationId,
      fields: changed,
      detail: { check: row.type, status: row.status },
    });
    if (row.status !== existing?.status)
      queueCheckChanged(row, existing?.status ?? null, input.subject.applicationId, now);
    return { ok: true, checkId: row.id } as const;
  });
}

export function toCheckStates(rows: CheckRow[]): CheckState[] {
  return rows.map((r) => ({ type: r.type, status: r.status, expiresAt: r.expiresAt }));
}

export type { BoardFilter };

const byText = new Intl.Collator("en", { numeric: true });
const quoted = (xs: readonly string[]) => sql.raw(xs.map((x) => `'${x}'`).join(", "));
const finalistStages = openStages.filter(isFinalist);

/** The applications a board or summary covers: open (or finalists'), on the roles the viewer may see, one role or all. */
function scopeOf(viewer: Viewer | null, filter: Pick<BoardFilter, "roleId" | "finalists">): SQL {
  const managed =
    viewer && !scopesFor(viewer.kind, "read:compliance").includes("any")
      ? sql`a.role_id in (select role_id from role_team where user_id = ${viewer.id} and team_role = 'hiring_manager')`
      : sql`1`;
  const role = filter.roleId ? sql`a.role_id = ${filter.roleId}` : sql`1`;
  // "+a.stage": read the applications in id order rather than through the stage index, so the check lookups that
  // follow (by application id, by person) walk their indexes in order instead of jumping about.
  return sql`+a.stage in (${quoted(filter.finalists ? finalistStages : openStages)}) and ${managed} and ${role}`;
}

/** Whether a board view covers the whole company (every role, as a viewer who sees every role's checks): one the
 * company-wide totals (board_key_totals, board_role_totals) answer. */
function companyWide(viewer: Viewer | null, filter: Pick<BoardFilter, "roleId">): boolean {
  return !filter.roleId && (viewer === null || scopesFor(viewer.kind, "read:compliance").includes("any"));
}

/**
 * One row per (application in `where`, check its role requires), in the role's order: the check on file where
 * it lives (the application, or the person or agency), with what the board shows of it, as
 * `effectiveStatus`, `isSatisfied`, `checkFlags` and `needsAttention` (app/domain/compliance.ts) read it on `today`.
 */
const requiredCheckRows = (where: SQL, today: string) => boardRowsSql(where, today);

/** The filter's check types that are check types: they come from checkTypes, never from the query as typed. */
const knownTypes = (filter: Pick<BoardFilter, "types">) =>
  filter.types.filter((t) => (checkTypes as readonly string[]).includes(t));

/** The rows a board filter keeps: some check types or all, and a status, "missing" (not cleared) or any. */
function filterCondition(filter: Pick<BoardFilter, "types" | "status">): SQL {
  const types = knownTypes(filter);
  const type = types.length ? sql`type in (${quoted(types)})` : sql`1`;
  const status =
    filter.status === "all"
      ? sql`1`
      : filter.status === "missing"
        ? sql`not satisfied`
        : sql`status = ${filter.status}`;
  return sql`${type} and ${status}`;
}

/** Per application the filter keeps (one with a row it keeps): whether one of those rows needs attention. */
function matchingApplications(where: SQL, filter: BoardFilter, today: string) {
  return sql`
    select app, role, stage, max(attention) as flagged
    from (${requiredCheckRows(where, today)}) where ${filterCondition(filter)}
    group by app`;
}

type RoleSummary = {
  roleId: number;
  roleTitle: string;
  finalists: number;
  required: CheckType[];
  gaps: { type: CheckType; missing: number }[];
  missingTotal: number;
};

/** A counter read: per role, key and (unless summed over them) stage. */
type KeyCount = { role: number; stage: Stage; key: string; n: number; flagged: number };

/**
 * The open applications in `scope` per role, stage and board counter key (db/board-summaries.ts), with how many of
 * them are flagged, as read on `today`: the counters (board_counts), corrected by the applications whose keys do
 * not hold on `today` (their stored keys out, their keys read now in). Between a day's recount and the next
 * lapse that correction is empty, and the cost follows the roles in scope, not their applications.
 */
function countKeys(
  scope: SQL,
  keys: string[],
  today: string,
  by: Grouping = "role, stage",
  company = false,
): KeyCount[] {
  return getDb().all<KeyCount>(keyCountsSql(scope, keys, today, by, company));
}

/** The applications whose counter keys do not hold on `today` (a day they follow has come, or they were computed
 * on a later day), as SQL giving their ids. */
function lapsedOn(today: string): SQL {
  // Each bound read through its own index: the planner, seeing one day in valid_from, would rather scan the table.
  return sql`select application_id from board_states indexed by board_states_valid_until_idx
    where valid_until <= ${today}
    union select application_id from board_states indexed by board_states_valid_from_idx where valid_from > ${today}`;
}

/** Whether every application's counter keys hold on `today` (on a normal day, after the hourly recount: yes). */
function countersHold(today: string): boolean {
  return getDb().get(sql`select 1 from (${lapsedOn(today)}) limit 1`) === undefined;
}

/** What the counts are per, besides the key (the others summed). */
type Grouping = "role, stage" | "role" | "stage";

/**
 * countKeys' query. `company`: the scope is every role (see companyWide) and the counts are per stage, so the
 * counters are read from their company-wide totals, one row per key and stage, rather than summed over every role.
 */
function keyCountsSql(scope: SQL, keys: string[], today: string, by: Grouping, company = false): SQL {
  const wanted = sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  );
  const lapsed = lapsedOn(today);
  return sql`
    select role, stage, key, sum(n) as n, sum(flagged) as flagged from (
      select ${company ? sql`0` : sql`a.role_id`} as role, a.stage as stage, a.key as key, a.n as n, a.flagged as flagged
        from ${company ? sql`board_key_totals` : sql`board_counts`} a where a.key in (${wanted}) and ${scope}
      union all
      select a.role_id, a.stage, rtrim(j.value, '!'), -1, -(j.value like '%!')
        from board_states a, json_each(a.keys) j
        where a.application_id in (${lapsed}) and ${scope} and rtrim(j.value, '!') in (${wanted})
      union all
      select l.role, l.stage, rtrim(j.value, '!'), 1, j.value like '%!'
        from (${boardKeysSql(sql`a.id in (${lapsed}) and ${scope}`, today)}) l, json_each(l.keys) j
        where rtrim(j.value, '!') in (${wanted})
    ) group by ${sql.raw(by)}, key having sum(n) > 0`;
}

/** The counter key that counts a board filter's applications, or null for several check types at once (see above). */
function counterKey(filter: Pick<BoardFilter, "types" | "status">): string | null {
  const types = knownTypes(filter);
  return types.length > 1 ? null : `${types[0] ?? "*"}:${filter.status}`;
}

/** Roles' titles and required checks, by id. */
function roleFacts(ids: number[]): Map<number, { title: string; required: CheckType[] }> {
  if (ids.length === 0) return new Map();
  const rows = getDb()
    .select({ id: roles.id, title: roles.title, required: roles.requiredChecks })
    .from(roles)
    .where(inArray(roles.id, ids))
    .all();
  return new Map(rows.map((r) => [r.id, { title: r.title, required: (r.required ?? []) as CheckType[] }]));
}

const missingKeys = checkTypes.map((t) => `${t}:missing`);

/**
 * The roles that lead the per-role summary, as SQL giving their ids: of the roles with open applications in `scope`,
 * those with most finalists' checks not cleared, then most finalists (`gapsOnly`: only roles with something
 * missing); the first `top` places, every role tying for the last one included (the title decides among them, in
 * code).
 */
function leadingRoles(scope: SQL, finalistScope: SQL, today: string, top: number, gapsOnly: boolean): SQL {
  return sql`select role from (
      select role, rank() over (order by missing desc, finalists desc) as place from (
        select role, sum(case when key like '%:missing' then n else 0 end) as missing,
          sum(case when key = 'finalists' then n else 0 end) as finalists
        from (
          select role, case when key = 'open' then 'finalists' else key end as key, n
            from (${keyCountsSql(finalistScope, ["open", ...missingKeys], today, "role")})
          union all select a.role_id, 'open', a.n from board_counts a where a.key = 'open' and ${scope}
        ) group by role
      ) where ${gapsOnly ? sql`missing > 0` : sql`1`}
    ) where place <= ${top}`;
}

/**
 * The same as leadingRoles over the whole company on a day its counters hold, read from the roles' totals along
 * their index: the `top`-th role's figures, then every role `covered` (a condition on board_role_totals t) at or
 * above them.
 */
function leadingByTotals(covered: SQL, top: number): number[] {
  const db = getDb();
  const cut = db.get<{ missing: number; finalists: number }>(sql`select t.missing as missing, t.finalists as finalists
    from board_role_totals t where ${covered} order by t.missing desc, t.finalists desc limit 1 offset ${top - 1}`);
  const atLeast = cut ? sql`and (t.missing, t.finalists) >= (${cut.missing}, ${cut.finalists})` : sql``;
  return db
    .all<{ role: number }>(sql`select t.role_id as role from board_role_totals t where ${covered} ${atLeast}`)
    .map((r) => r.role);
}

/**
 * Per role with applications in scope: its finalists, and how many of them have each required check not cleared,
 * from the board's counters. Most missing paperwork first, then most finalists, then by title: where an offer is
 * held up. `withGapsOnly`: only the roles with something missing (the home page's list), counting finalists alone;
 * `top`: only the first `top` roles (found in SQL, see leadingRoles). With how many roles there are in all, and
 * their open applications (an application's being open never follows the day, so these are read as counted).
 */
function roleSummaries(
  viewer: Viewer | null,
  filter: Pick<BoardFilter, "roleId" | "finalists">,
  today: string,
  withGapsOnly = false,
  top?: number,
): { summaries: RoleSummary[]; openApplications: number; roleCount: number } {
  const finalistsOnly = scopeOf(viewer, { roleId: filter.roleId, finalists: true });
  const scope = withGapsOnly ? finalistsOnly : scopeOf(viewer, filter);
  // Over the whole company, the roles and their open applications are read from each role's totals.
  const company = companyWide(viewer, filter);
  const perFinalist = withGapsOnly || Boolean(filter.finalists);
  const leading =
    top === undefined
      ? null
      : company && countersHold(today)
        ? leadingByTotals(withGapsOnly ? sql`t.missing > 0` : perFinalist ? sql`t.finalists > 0` : sql`t.open > 0`, top)
        : getDb()
            .all<{ role: number }>(leadingRoles(scope, finalistsOnly, today, top, withGapsOnly))
            .map((r) => r.role);
  const inSummary = leading === null ? sql`1` : sql`a.role_id in (${sql.join([...leading, -1], sql`, `)})`;
  const perRole = new Map<number, { finalists: number; missing: Map<string, number> }>();
  const role = (id: number) => entry(perRole, id, () => ({ finalists: 0, missing: new Map<string, number>() }));
  for (const id of leading ?? []) role(id);
  // Summed over stages in SQL: the finalists' counters, and every open application's in scope.
  for (const c of countKeys(sql`${finalistsOnly} and ${inSummary}`, ["open", ...missingKeys], today, "role")) {
    if (c.key === "open") role(c.role).finalists = c.n;
    else role(c.role).missing.set(c.key.split(":")[0], c.n);
  }
  // Every role in scope and its open applications (or, for the first few, only the totals).
  const perRoleOpen = leading === null;
  const open = getDb().all<{ role: number; n: number }>(
    company
      ? sql`select ${perRoleOpen ? sql`t.role_id` : sql`count(*)`} as role, coalesce(sum(${perFinalist ? sql`t.finalists` : sql`t.open`}), 0) as n
        from board_role_totals t where ${perFinalist ? sql`t.finalists` : sql`t.open`} > 0 ${perRoleOpen ? sql`group by t.role_id` : sql``}`
      : sql`select ${perRoleOpen ? sql`a.role_id` : sql`count(distinct a.role_id)`} as role, coalesce(sum(a.n), 0) as n
        from board_counts a where a.key = 'open' and ${scope} ${perRoleOpen ? sql`group by a.role_id` : sql``}`,
  );
  if (perRoleOpen) for (const r of open) role(r.role);
  const openApplications = open.reduce((n, r) => n + r.n, 0);
  const roleCount = perRoleOpen ? open.length : (open[0]?.role ?? 0);
  const shown = [...perRole.keys()].filter((id) => !withGapsOnly || perRole.get(id)!.missing.size > 0);
  const facts = roleFacts(shown);
  const summaries = shown
    .map((id) => {
      const { title, required } = facts.get(id)!;
      const { finalists, missing } = perRole.get(id)!;
      const gaps = required.map((type) => ({ type, missing: missing.get(type) ?? 0 })).filter((g) => g.missing > 0);
      const summary = { roleId: id, roleTitle: title, finalists, required, gaps };
      return { ...summary, missingTotal: gaps.reduce((n, g) => n + g.missing, 0) };
    })
    .sort(
      (a, b) =>
        b.missingTotal - a.missingTotal ||
        b.finalists - a.finalists ||
        byText.compare(a.roleTitle, b.roleTitle) ||
        a.roleId - b.roleId,
    )
    .slice(0, top);
  return { summaries, openApplications, roleCount: withGapsOnly ? shown.length : roleCount };
}

/** The map's value for `key`, made and stored first if missing. */
const entry = <K, V>(map: Map<K, V>, key: K, make: () => V): V => map.get(key) ?? map.set(key, make()).get(key)!;

/**
 * Per role, the finalists missing each required check (the home page's
 * paperwork list: only roles with something missing; the first `top` of them when given, found in SQL), cached
 * like the rollup until the next write or for a minute, per scope and day (expiry dates decide what counts as
 * verified).
 */
export function getComplianceSummaries(viewer: Viewer, today: string, top?: number) {
  const seesAll = scopesFor(viewer.kind, "read:compliance").includes("any");
  return cachedDerived(
    `compliance-summaries:${seesAll ? "all" : `manager:${viewer.id}`}:${today}:${top ?? "all"}`,
    { maxAgeMs: 60_000, allRoles: true },
    () => roleSummaries(viewer, { roleId: null, finalists: true }, today, true, top).summaries.slice(0, top),
  );
}

export type BoardItem = {
  type: CheckType;
  status: CheckStatus;
  satisfied: boolean;
  requestedAt: string | null;
  expiresAt: string | null;
  stale: boolean;
  expiringSoon: boolean;
};
export type BoardGroup = {
  applicationId: number;
  roleTitle: string;
  subject: string;
  subjectKind: "candidate" | "agency";
  /** The viewer grades this candidate anonymously and sees the take-home's alias. */
  masked: boolean;
  stage: Stage;
  flagged: boolean;
  items: BoardItem[];
};

type Bucket = { flagged: number; stage: Stage; roleId: number; title: string; n: number };
type Tier = ReturnType<typeof boardTiers<Stage>>[number];
type SubjectRow = { id: number; name: string; isCandidate: number };

/** Who an application is about, as the board shows it to this viewer: the alias of someone they grade anonymously. */
function shownSubject(s: SubjectRow, mask: Mask) {
  return {
    applicationId: s.id,
    subject: getShownName(mask, s.id, s.name),
    subjectKind: s.isCandidate ? ("candidate" as const) : ("agency" as const),
    masked: mask.applicationIds.has(s.id),
  };
}

/** The applications of one tier of the board the filter keeps, as the viewer sees them, in the board's order. */
function tierApplications(scope: SQL, filter: BoardFilter, today: string, tier: Tier, mask: Mask) {
  const inTier = sql`${scope} and a.stage = ${tier.stage} and a.role_id in (${sql.join(tier.roleIds, sql`, `)})`;
  const subjects = getDb().all<SubjectRow>(sql`
    select m.app as id, coalesce(p.name, g.name, 'Unknown') as name, a.candidate_id is not null as isCandidate
    from (${matchingApplications(inTier, filter, today)}) m join applications a on a.id = m.app
    left join candidates p on p.id = a.candidate_id left join agencies g on g.id = a.agency_id
    where m.flagged = ${tier.flagged}`);
  return subjects
    .map((s) => shownSubject(s, mask))
    .sort((a, b) => byText.compare(a.subject, b.subject) || a.applicationId - b.applicationId);
}

/**
 * The applications on one page of the board, in its order (see `boardOrder`): counts per flag, stage and role
 * come from SQL; the names of only the tiers the page reaches are read and sorted here.
 */
function pageApplications(
  scope: SQL,
  filter: BoardFilter,
  today: string,
  tiers: Iterable<Tier>,
  mask: Mask,
  window: { from: number; to: number },
) {
  const shown: ReturnType<typeof shownSubject>[] = [];
  let start = 0;
  for (const tier of tiers) {
    const end = start + tier.n;
    if (end > window.from && start < window.to)
      shown.push(
        ...tierApplications(scope, filter, today, tier, mask).slice(
          Math.max(0, window.from - start),
          window.to - start,
        ),
      );
    start = end;
    if (start >= window.to) break;
  }
  return shown;
}

/** Applications read per step of the board's CSV: each step's checks are one query. */
export const BOARD_EXPORT_CHUNK = 500;

/**
 * Every application one board view lists, in the board's order, as the pages show them: a generator of chunks of
 * at most BOARD_EXPORT_CHUNK, so an export of the whole board holds one tier's names (one role at one stage) and
 * one chunk's checks at a time, never the whole board. Each tier is read when it is reached.
 */
export function* exportComplianceBoard(
  viewer: Viewer,
  filter: BoardFilter,
  today: string,
): Generator<BoardGroup[], void, void> {
  const scope = scopeOf(viewer, filter);
  const counts = boardCounts(viewer, filter, today);
  const mask = getMask(viewer.id);
  for (const tier of tiersOf(viewer, filter, today, counts)) {
    const subjects = tierApplications(scope, filter, today, tier, mask);
    for (let i = 0; i < subjects.length; i += BOARD_EXPORT_CHUNK)
      yield boardGroups(subjects.slice(i, i + BOARD_EXPORT_CHUNK), filter, today);
  }
}

/** How many applications one board view lists (the CSV's audit entry). */
export function countComplianceBoard(viewer: Viewer, filter: BoardFilter, today: string): number {
  return boardCounts(viewer, filter, today).groupCount;
}

/** One flag and stage of a board view (its applications flagged, or not, at that stage) and how many it holds. */
type Part = { flagged: number; stage: Stage; n: number };

/** The filter's applications per flag and stage, from the counters, in the board's order. */
function partsFromCounts(viewer: Viewer, filter: BoardFilter, key: string, today: string): Part[] {
  return countKeys(scopeOf(viewer, filter), [key], today, "stage", companyWide(viewer, filter))
    .flatMap((c) => [
      { flagged: 1, stage: c.stage, n: c.flagged },
      { flagged: 0, stage: c.stage, n: c.n - c.flagged },
    ])
    .filter((p) => p.n > 0)
    .sort((a, b) => b.flagged - a.flagged || stageReached(b.stage) - stageReached(a.stage));
}

/**
 * A board view's tiers in order (see boardTiers), each flag and stage's read from the counters per role only when
 * reached: a page near the start reads the roles of its first part or two, not of every part.
 */
function* tiersOf(viewer: Viewer, filter: BoardFilter, today: string, counts: ReturnType<typeof boardCounts>) {
  if (counts.tiers) {
    yield* counts.tiers;
    return;
  }
  const key = counterKey(filter)!;
  const perStage = new Map<Stage, KeyCount[]>();
  for (const part of counts.parts) {
    const rows =
      perStage.get(part.stage) ??
      perStage
        .set(part.stage, countKeys(sql`${scopeOf(viewer, filter)} and a.stage = ${part.stage}`, [key], today, "role"))
        .get(part.stage)!;
    const titles = roleFacts(rows.map((r) => r.role));
    yield* boardTiers(
      rows
        .map((r) => ({
          flagged: part.flagged,
          stage: part.stage,
          roleId: r.role,
          title: titles.get(r.role)!.title,
          n: part.flagged ? r.flagged : r.n - r.flagged,
        }))
        .filter((b) => b.n > 0),
    );
  }
}

/** The same, read from the applications and their checks: several check types at once, which no counter keeps. */
function bucketsInSql(viewer: Viewer, filter: BoardFilter, today: string): Bucket[] {
  return getDb().all<Bucket>(sql`
    select m.flagged as flagged, m.stage as stage, m.role as roleId, r.title as title, count(*) as n
    from (${matchingApplications(scopeOf(viewer, filter), filter, today)}) m join roles r on r.id = m.role
    group by m.flagged, m.stage, m.role`);
}

/**
 * What every page of one board view shares: how many applications the filter keeps per flag, stage and role,
 * and the per-role summary. One pass of SQL over the applications in scope and their required checks; kept
 * like the rollup until the next write or for a minute, per viewer's scope, filter and day.
 */
function boardCounts(viewer: Viewer, filter: BoardFilter, today: string, summaryTop?: number) {
  const seesAll = scopesFor(viewer.kind, "read:compliance").includes("any");
  const key = [filter.roleId, filter.types.join("+"), filter.status, Boolean(filter.finalists), summaryTop].join(":");
  return cachedDerived(
    `compliance-board:${seesAll ? "all" : `manager:${viewer.id}`}:${key}:${today}`,
    { maxAgeMs: 60_000, allRoles: true },
    () => {
      const key = counterKey(filter);
      // Several check types at once: every tier from the applications (no counter keeps them), kept with the counts.
      const tiers = key === null ? boardTiers(bucketsInSql(viewer, filter, today)) : null;
      const parts = key === null ? [] : partsFromCounts(viewer, filter, key, today);
      return {
        tiers,
        parts,
        groupCount: (tiers ?? parts).reduce((n, t) => n + t.n, 0),
        ...roleSummaries(viewer, filter, today, false, summaryTop),
      };
    },
  );
}

/**
 * One page of the HR board for a viewer, one entry per application with the required checks the filter keeps:
 * flagged ones (a check that needsAttention) first, then the furthest along, then by role and by the name the
 * viewer sees (an alias for someone they grade anonymously, so the order cannot reveal the name); plus the
 * per-role summary of finalists missing each check (its first `summaryTop` roles when given) and how many roles
 * it has in all. Filtering, counting and ordering are SQL over the
 * applications in scope; only the page's applications and checks are read.
 */
export function getComplianceBoard(
  viewer: Viewer,
  filter: BoardFilter,
  today: string,
  requestedPage: number,
  summaryTop?: number,
) {
  const scope = scopeOf(viewer, filter);
  const counts = boardCounts(viewer, filter, today, summaryTop);
  const { groupCount, summaries, openApplications, roleCount } = counts;
  const pageCount = Math.max(1, Math.ceil(groupCount / BOARD_PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Math.floor(requestedPage) || 1));
  const from = (page - 1) * BOARD_PAGE_SIZE;
  const window = { from, to: from + BOARD_PAGE_SIZE };
  const tiers = tiersOf(viewer, filter, today, counts);
  const subjects = pageApplications(scope, filter, today, tiers, getMask(viewer.id), window);
  return {
    summaries,
    summaryCount: roleCount,
    totalOpenApplications: openApplications,
    groupCount,
    page,
    pageCount,
    firstShown: from + 1,
    groups: boardGroups(subjects, filter, today),
  };
}

type ItemRow = {
  app: number;
  role: number;
  stage: Stage;
  type: CheckType;
  status: CheckStatus;
  satisfied: number;
  requestedAt: string | null;
  expiresAt: string | null;
  stale: number;
  expiringSoon: number;
  attention: number;
};

/** The page's applications with the checks the filter keeps, in the roles' order of required checks. */
function boardGroups(subjects: ReturnType<typeof shownSubject>[], filter: BoardFilter, today: string): BoardGroup[] {
  if (subjects.length === 0) return [];
  const ids = sql.join(
    subjects.map((s) => sql`${s.applicationId}`),
    sql`, `,
  );
  const rows = getDb().all<ItemRow & { roleTitle: string }>(sql`
    select k.*, r.title as roleTitle
    from (select * from (${requiredCheckRows(sql`a.id in (${ids})`, today)}) where ${filterCondition(filter)}) k
    join roles r on r.id = k.role order by k.app, k.pos`);
  const byApplication = new Map<number, (ItemRow & { roleTitle: string })[]>();
  for (const row of rows) entry(byApplication, row.app, () => [] as typeof rows).push(row);
  return subjects.map((s) => {
    const items = byApplication.get(s.applicationId) ?? [];
    return {
      ...s,
      roleTitle: items[0]?.roleTitle ?? "",
      stage: items[0]?.stage ?? "sourced",
      flagged: items.some((i) => i.attention),
      items: items.map((i) => ({
        type: i.type,
        status: i.status,
        satisfied: Boolean(i.satisfied),
        requestedAt: i.requestedAt,
        expiresAt: i.expiresAt,
        stale: Boolean(i.stale),
        expiringSoon: Boolean(i.expiringSoon),
      })),
    };
  });
}

/** Required checks still missing per open application of one role, each with its state, worst first. */
export function getMissingChecksByApplication(roleId: number, today: string): Map<number, MissingCheck[]> {
  const rows = getDb().all<{ app: number; type: CheckType; status: CheckStatus }>(sql`
    select app, type, status from (${requiredCheckRows(scopeOf(null, { roleId }), today)})
    where not satisfied order by app, pos`);
  const out = new Map<number, MissingCheck[]>();
  for (const row of rows) entry(out, row.app, () => [] as MissingCheck[]).push({ type: row.type, status: row.status });
  for (const list of out.values()) list.sort(byAttention);
  return out;
}

/** A person's own checks (NDA, background check, ...), reused across roles. */
export function listPersonChecks(candidateId: number): CheckRow[] {
  return getDb().select().from(complianceChecks).where(eq(complianceChecks.candidateId, candidateId)).all();
}

/** The check types some role in a board view requires (its summary's columns, the filter's choices). */
export function listRequiredCheckTypes(viewer: Viewer, filter: BoardFilter): CheckType[] {
  const scope = scopeOf(viewer, filter);
  return checkTypes.filter(
    (type) =>
      getDb().get(sql`select 1 from board_counts a where a.key = ${`${type}:all`} and ${scope} limit 1`) !== undefined,
  );
}

/** Roles the HR board's picker offers at once; a company with more finds the others by title. */
export const BOARD_ROLE_OPTIONS = 50;

/**
 * The HR board's role picker: the roles the viewer may see that have open applications (those the board can
 * list) and whose title or team contains the words of `query`, in the roles list's order (open first, latest changed first):
 * the first BOARD_ROLE_OPTIONS of them, the role picked whatever it is, and how many match.
 */
export function listBoardRoles(
  viewer: Viewer,
  pickedRoleId: number | null,
  query = "",
): { roles: { id: number; title: string }[]; matching: number } {
  const seesAll = scopesFor(viewer.kind, "read:compliance").includes("any");
  // A role with open applications has its totals row.
  const withOpenWork = sql`exists (select 1 from board_role_totals t where t.role_id = ${roles.id})`;
  const where = and(seesAll ? undefined : managedBy(viewer.id), withOpenWork, roleTitleMatches(query));
  const db = getDb();
  const listed = db
    .select({ id: roles.id, title: roles.title })
    .from(roles)
    .where(where)
    .orderBy(...roleListOrder)
    .limit(BOARD_ROLE_OPTIONS)
    .all();
  const matching =
    db
      .select({ n: sql<number>`count(*)` })
      .from(roles)
      .where(where)
      .get()?.n ?? 0;
  const picked =
    pickedRoleId && !listed.some((r) => r.id === pickedRoleId)
      ? db
          .select({ id: roles.id, title: roles.title })
          .from(roles)
          .where(and(eq(roles.id, pickedRoleId), seesAll ? undefined : managedBy(viewer.id)))
          .all()
      : [];
  return { roles: [...picked, ...listed], matching };
}

/**
 * How many required checks on open applications were requested more than STALE_REQUEST_DAYS ago and are still
 * not back, over every role (HR's daily digest): the board's own rows, counted in SQL.
 */
export function countStaleRequests(today: string): number {
  const rows = requiredCheckRows(scopeOf(null, { roleId: null }), today);
  return getDb().get<{ n: number }>(sql`select count(*) as n from (${rows}) where stale`)?.n ?? 0;
}
