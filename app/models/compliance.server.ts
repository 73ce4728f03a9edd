import { and, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import {
  byAttention,
  checkFlags,
  checkScope,
  checkTypes,
  effectiveStatus,
  isSatisfied,
  type CheckState,
  type CheckStatus,
  type CheckType,
  type EditableCheck,
  type MissingCheck,
} from "~/domain/compliance";
import { isoDay } from "~/domain/dates";
import { activeStages, isFinalist, isOpenStage, stages, type Stage } from "~/domain/pipeline";
import { scopesFor } from "~/domain/policy";
import type { CheckFormValues } from "~/schemas/application";
import { cachedDerived } from "~/utils/cache.server";
import { getDb, schema } from "~/utils/db.server";
import type { Viewer } from "./role.server";

const { complianceChecks, complianceHistory, applications, roles, candidates, agencies, roleTeam, users } = schema;

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
export function checksForApplication(subject: Subject): CheckRow[] {
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
export function applicationChecks(subject: Subject, required: CheckType[], options: { seesDetail: boolean }) {
  const rows = checksForApplication(subject);
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

export function checkHistory(checkIds: number[]) {
  if (checkIds.length === 0) return [];
  return getDb()
    .select({
      checkId: complianceHistory.checkId,
      status: complianceHistory.status,
      changedAt: complianceHistory.changedAt,
      changedBy: users.name,
      snapshot: complianceHistory.snapshot,
    })
    .from(complianceHistory)
    .leftJoin(users, eq(users.id, complianceHistory.changedById))
    .where(inArray(complianceHistory.checkId, checkIds))
    .orderBy(desc(complianceHistory.changedAt), desc(complianceHistory.id))
    .all();
}

function snapshotOf(row: CheckRow) {
  // History keeps what changed, not the private findings themselves.
  const { detail, ...rest } = row;
  return { ...rest, detail: detail ? "(recorded)" : null };
}

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
    tx.insert(complianceHistory)
      .values({
        checkId: row.id,
        status: row.status,
        changedById: input.actorId,
        changedAt: now,
        snapshot: snapshotOf(row),
      })
      .run();
    return { ok: true, checkId: row.id } as const;
  });
}

export function toCheckStates(rows: CheckRow[]): CheckState[] {
  return rows.map((r) => ({ type: r.type, status: r.status, expiresAt: r.expiresAt }));
}

export type BoardFilter = {
  roleId: number | null;
  type: CheckType | null;
  status: CheckStatus | "missing" | "all";
  /** Only finalists (final and offer stages), the applications the per-role summaries count. */
  finalists?: boolean;
  /** Only the per-role summaries (finalists' applications, no rows): what a home page needs, at a fraction of the cost. */
  summariesOnly?: boolean;
};

const byText = new Intl.Collator("en", { numeric: true });

/**
 * Per role, the finalists missing each required check (the home page's
 * paperwork list), cached like the rollup until the next write or for a
 * minute, per scope and day (expiry dates decide what counts as verified).
 */
export function complianceSummaries(viewer: Viewer, today: string) {
  const seesAll = scopesFor(viewer.kind, "read:compliance").includes("any");
  return cachedDerived(
    `compliance-summaries:${seesAll ? "all" : `manager:${viewer.id}`}:${today}`,
    { maxAgeMs: 60_000 },
    () =>
      complianceBoard(viewer, { roleId: null, type: null, status: "missing", summariesOnly: true }, today).summaries,
  );
}

/**
 * The HR board: for every open application on the roles a viewer may see,
 * each required check with its status; plus a per-role summary of finalists
 * missing each check.
 *
 * `viewer` null: every role (for internal figures such as the rollup); otherwise what that viewer may see.
 */
export function complianceBoard(viewer: Viewer | null, filter: BoardFilter, today: string) {
  const db = getDb();
  const conditions: SQL[] = [];
  if (viewer && !scopesFor(viewer.kind, "read:compliance").includes("any")) {
    const managed = db
      .select({ id: roleTeam.roleId })
      .from(roleTeam)
      .where(and(eq(roleTeam.userId, viewer.id), eq(roleTeam.teamRole, "hiring_manager")));
    conditions.push(inArray(applications.roleId, managed));
  }
  if (filter.roleId) conditions.push(eq(applications.roleId, filter.roleId));
  conditions.push(
    inArray(
      applications.stage,
      stages.filter(
        (stage) => isOpenStage(stage) && (!(filter.summariesOnly || filter.finalists) || isFinalist(stage)),
      ),
    ),
  );

  const apps = db
    .select({
      id: applications.id,
      stage: applications.stage,
      roleId: applications.roleId,
      candidateId: applications.candidateId,
      agencyId: applications.agencyId,
      ...(filter.summariesOnly ? {} : { candidateName: candidates.name, agencyName: agencies.name }),
    })
    .from(applications)
    .leftJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(agencies, eq(agencies.id, applications.agencyId))
    .where(and(...conditions))
    .all() as {
    id: number;
    stage: Stage;
    roleId: number;
    candidateId: number | null;
    agencyId: number | null;
    candidateName?: string | null;
    agencyName?: string | null;
  }[];
  // Title and required checks once per role, not once per application.
  const roleInfo = new Map(
    db
      .select({ id: roles.id, title: roles.title, requiredChecks: roles.requiredChecks })
      .from(roles)
      .where(
        inArray(
          roles.id,
          db
            .selectDistinct({ id: applications.roleId })
            .from(applications)
            .where(and(...conditions)),
        ),
      )
      .all()
      .map((r) => [r.id, { title: r.title, required: r.requiredChecks ?? [] }]),
  );

  // The checks of those applications, their people and their agencies: three queries whatever the number of applications.
  const inScope = (column: typeof applications.id | typeof applications.candidateId | typeof applications.agencyId) =>
    db
      .select({ id: column })
      .from(applications)
      .where(and(...conditions));
  const checks: CheckRow[] = [
    ...db
      .select()
      .from(complianceChecks)
      .where(inArray(complianceChecks.applicationId, inScope(applications.id)))
      .all(),
    ...db
      .select()
      .from(complianceChecks)
      .where(inArray(complianceChecks.candidateId, inScope(applications.candidateId)))
      .all(),
    ...db
      .select()
      .from(complianceChecks)
      .where(inArray(complianceChecks.agencyId, inScope(applications.agencyId)))
      .all(),
  ];

  // Each check under the key it answers for: (type, application) or (type, person or agency). First one wins, as before.
  const keyOf = (type: CheckType, scope: "application" | "candidate" | "agency", id: number | null) =>
    `${type}:${scope}:${id}`;
  const byKey = new Map<string, CheckRow>();
  for (const c of checks) {
    const type = c.type as CheckType;
    const key =
      checkScope[type] === "application"
        ? keyOf(type, "application", c.applicationId)
        : c.candidateId !== null
          ? keyOf(type, "candidate", c.candidateId)
          : keyOf(type, "agency", c.agencyId);
    if (!byKey.has(key)) byKey.set(key, c);
  }
  const find = (app: { id: number; candidateId: number | null; agencyId: number | null }, type: CheckType) =>
    byKey.get(
      checkScope[type] === "application"
        ? keyOf(type, "application", app.id)
        : app.candidateId !== null
          ? keyOf(type, "candidate", app.candidateId)
          : keyOf(type, "agency", app.agencyId),
    );

  // Per role, in one pass: finalists, and finalists missing each required check.
  const perRole = new Map<number, { finalists: number; missing: Map<CheckType, number> }>();
  for (const app of apps) {
    if (!perRole.has(app.roleId)) perRole.set(app.roleId, { finalists: 0, missing: new Map() });
    if (!isFinalist(app.stage)) continue;
    const role = perRole.get(app.roleId)!;
    role.finalists++;
    for (const type of roleInfo.get(app.roleId)!.required)
      if (!isSatisfied(find(app, type), today)) role.missing.set(type, (role.missing.get(type) ?? 0) + 1);
  }
  // Most missing paperwork first: that is where an offer is held up.
  const summaries = [...perRole]
    .map(([roleId, role]) => ({
      roleId,
      roleTitle: roleInfo.get(roleId)!.title,
      finalists: role.finalists,
      required: roleInfo.get(roleId)!.required,
      gaps: roleInfo
        .get(roleId)!
        .required.map((type) => ({ type, missing: role.missing.get(type) ?? 0 }))
        .filter((g) => g.missing > 0),
    }))
    .map((s) => ({ ...s, missingTotal: s.gaps.reduce((n, g) => n + g.missing, 0) }))
    .sort(
      (a, b) =>
        b.missingTotal - a.missingTotal || b.finalists - a.finalists || byText.compare(a.roleTitle, b.roleTitle),
    );

  const rows = filter.summariesOnly
    ? []
    : apps.flatMap((app) =>
        roleInfo.get(app.roleId)!.required.map((type) => {
          const check = find(app, type);
          return {
            applicationId: app.id,
            roleId: app.roleId,
            roleTitle: roleInfo.get(app.roleId)!.title,
            subject: app.candidateName ?? app.agencyName ?? "Unknown",
            subjectKind: app.candidateId !== null ? ("candidate" as const) : ("agency" as const),
            /** Set by the caller when the viewer grades this candidate anonymously and sees an alias. */
            masked: false,
            stage: app.stage,
            type,
            status: effectiveStatus(check, today),
            satisfied: isSatisfied(check, today),
            requestedAt: check?.requestedAt ?? null,
            expiresAt: check?.expiresAt ?? null,
            ...checkFlags(
              {
                status: check?.status ?? "not_requested",
                requestedAt: check?.requestedAt ?? null,
                expiresAt: check?.expiresAt ?? null,
              },
              today,
            ),
          };
        }),
      );

  const shown = rows.filter(
    (r) =>
      (filter.type === null || r.type === filter.type) &&
      (filter.status === "all" ? true : filter.status === "missing" ? !r.satisfied : r.status === filter.status),
  );
  return { rows: shown, summaries, totalOpenApplications: apps.length };
}

export type BoardRow = ReturnType<typeof complianceBoard>["rows"][number];

/** Applications per page of the HR board: a busy organisation's board runs to thousands. */
export const BOARD_PAGE_SIZE = 50;

/** A check needing someone's attention now: a stale request, a failure, an expiry past or near. */
export function needsAttention(row: Pick<BoardRow, "stale" | "expiringSoon" | "status">): boolean {
  return row.stale || row.expiringSoon || row.status === "failed" || row.status === "expired";
}

/**
 * One page of the HR board, one entry per application: flagged ones (a check
 * that needsAttention) first, then the furthest along, then by
 * role and name. Call it after any names are masked, so the order cannot
 * reveal a masked name.
 */
export function boardPage(rows: BoardRow[], requestedPage: number) {
  type Group = Pick<BoardRow, "applicationId" | "subject" | "subjectKind" | "masked" | "roleTitle" | "stage"> & {
    flagged: boolean;
    items: BoardRow[];
  };
  const byApplication = new Map<number, Group>();
  for (const r of rows) {
    let group = byApplication.get(r.applicationId);
    if (!group)
      byApplication.set(
        r.applicationId,
        (group = {
          applicationId: r.applicationId,
          subject: r.subject,
          subjectKind: r.subjectKind,
          masked: r.masked,
          roleTitle: r.roleTitle,
          stage: r.stage,
          flagged: false,
          items: [],
        }),
      );
    group.items.push(r);
    group.flagged ||= needsAttention(r);
  }
  const reached = (stage: Stage) => activeStages.indexOf(stage as (typeof activeStages)[number]);
  const groups = [...byApplication.values()].sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      reached(b.stage) - reached(a.stage) ||
      byText.compare(a.roleTitle, b.roleTitle) ||
      byText.compare(a.subject, b.subject),
  );
  const pageCount = Math.max(1, Math.ceil(groups.length / BOARD_PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Math.floor(requestedPage) || 1));
  return {
    groupCount: groups.length,
    page,
    pageCount,
    firstShown: (page - 1) * BOARD_PAGE_SIZE + 1,
    groups: groups.slice((page - 1) * BOARD_PAGE_SIZE, page * BOARD_PAGE_SIZE),
  };
}

/** A person's own checks (NDA, background check, ...), reused across roles. */
export function personChecks(candidateId: number): CheckRow[] {
  return getDb().select().from(complianceChecks).where(eq(complianceChecks.candidateId, candidateId)).all();
}

/** Required checks still missing per open application of one role, each with its state, worst first. */
export function missingChecksByApplication(roleId: number, today: string): Map<number, MissingCheck[]> {
  const board = complianceBoard(null, { roleId, type: null, status: "missing" }, today);
  const out = new Map<number, MissingCheck[]>();
  for (const row of board.rows)
    out.set(row.applicationId, [
      ...(out.get(row.applicationId) ?? []),
      { type: row.type, status: row.status as CheckStatus },
    ]);
  for (const list of out.values()) list.sort(byAttention);
  return out;
}
