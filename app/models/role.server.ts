import { isSettledRole } from "~/domain/pipeline";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { RoleStatus, UserKind } from "~/domain/reference";
import { scopesFor } from "~/domain/policy";
import type { RoleFormValues } from "~/schemas/role";
import { containsPattern, getDb, schema } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { changedFields } from "~/domain/audit";

const { roles, roleTeam, users } = schema;

export type Viewer = { id: number; kind: UserKind };

/** query: words the title or team must contain (case-insensitive). */
export type RoleListFilter = { status: RoleStatus | "active" | "all"; mine: boolean; query?: string };

export function buildRoleConditions(viewer: Viewer, filter: RoleListFilter): SQL | undefined {
  const db = getDb();
  const conditions: SQL[] = [];
  const seesAll = scopesFor(viewer.kind, "read:role").includes("any");
  if (!seesAll || filter.mine) {
    const mine = db.select({ id: roleTeam.roleId }).from(roleTeam).where(eq(roleTeam.userId, viewer.id));
    conditions.push(inArray(roles.id, mine));
  }
  if (filter.status === "active") conditions.push(inArray(roles.status, ["draft", "open", "on_hold"]));
  else if (filter.status !== "all") conditions.push(eq(roles.status, filter.status));
  const matches = roleTitleMatches(filter.query ?? "");
  if (matches) conditions.push(matches);
  return conditions.length ? and(...conditions) : undefined;
}

/** Roles whose title or team contains every word typed (up to eight), or undefined for nothing typed. */
export function roleTitleMatches(query: string): SQL | undefined {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  return words.length
    ? and(
        ...words.map((word) => {
          const pattern = containsPattern(word);
          return sql`(${roles.title} like ${pattern} escape '\\' or ${roles.team} like ${pattern} escape '\\')`;
        }),
      )
    : undefined;
}

/** How many roles listRoles would return without paging. */
export function countRoles(viewer: Viewer, filter: RoleListFilter): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(roles)
      .where(buildRoleConditions(viewer, filter))
      .get()?.n ?? 0
  );
}

/** The order roles are listed in: open first, then on hold, draft, filled, closed; newest changes first within each. */
export const roleListOrder = [
  sql`case ${roles.status} when 'open' then 0 when 'on_hold' then 1 when 'draft' then 2 when 'filled' then 3 else 4 end`,
  desc(roles.updatedAt),
  desc(roles.id),
] as const;

/** Roles a user manages (hiring manager on the team). */
export function managedBy(userId: number): SQL {
  return sql`${roles.id} in (select role_id from role_team where user_id = ${userId} and team_role = 'hiring_manager')`;
}

/**
 * Roles a viewer may see, open first. Viewers who can read any role see all
 * (or only theirs with `mine`); everyone else only sees roles whose team they
 * are on. With `page`, only that slice.
 */
export function listRoles(viewer: Viewer, filter: RoleListFilter, page?: { limit: number; offset: number }) {
  const db = getDb();
  const query = db
    .select({
      id: roles.id,
      title: roles.title,
      team: roles.team,
      location: roles.location,
      headcount: roles.headcount,
      status: roles.status,
      targetStart: roles.targetStart,
      engagementModels: roles.engagementModels,
      updatedAt: roles.updatedAt,
      createdAt: roles.createdAt,
      closedAt: roles.closedAt,
      briefSystemDoes: roles.briefSystemDoes,
      briefUsingData: roles.briefUsingData,
      briefInsideWorkflow: roles.briefInsideWorkflow,
      briefThreshold: roles.briefThreshold,
      briefOwnedBy: roles.briefOwnedBy,
      briefWorkflow: roles.briefWorkflow,
      briefSourceSystems: roles.briefSourceSystems,
      briefApprovalPath: roles.briefApprovalPath,
      briefSuccessMetric: roles.briefSuccessMetric,
      briefSecurity: roles.briefSecurity,
      briefLaunchDate: roles.briefLaunchDate,
      briefPostLaunchOwner: roles.briefPostLaunchOwner,
      qCustomModels: roles.qCustomModels,
      qHostedApis: roles.qHostedApis,
      qDataBlocker: roles.qDataBlocker,
      qLongTermOwnership: roles.qLongTermOwnership,
      qBoundedFeature: roles.qBoundedFeature,
      qInfraAdvantage: roles.qInfraAdvantage,
      qExpectedWeeks: roles.qExpectedWeeks,
      qInternalOwner: roles.qInternalOwner,
    })
    .from(roles)
    .where(buildRoleConditions(viewer, filter))
    .orderBy(...roleListOrder);
  const rows = page ? query.limit(page.limit).offset(page.offset).all() : query.all();

  const ids = rows.map((r) => r.id);
  const team = ids.length
    ? db
        .select({ roleId: roleTeam.roleId, userId: roleTeam.userId, name: users.name, teamRole: roleTeam.teamRole })
        .from(roleTeam)
        .innerJoin(users, eq(users.id, roleTeam.userId))
        .where(inArray(roleTeam.roleId, ids))
        .orderBy(asc(users.name))
        .all()
    : [];
  const teamOf = new Map<number, typeof team>();
  for (const t of team) teamOf.set(t.roleId, [...(teamOf.get(t.roleId) ?? []), t]);
  return rows.map((r) => {
    const members = teamOf.get(r.id) ?? [];
    return {
      ...r,
      hiringManagers: members.filter((t) => t.teamRole === "hiring_manager").map((t) => t.name),
      myTeamRole: members.find((t) => t.userId === viewer.id)?.teamRole ?? null,
    };
  });
}

export function getRole(id: number) {
  return getDb().select().from(roles).where(eq(roles.id, id)).get();
}

export function getRoleTeam(roleId: number) {
  return getDb()
    .select({
      userId: roleTeam.userId,
      name: users.name,
      email: users.email,
      kind: users.kind,
      teamRole: roleTeam.teamRole,
      active: users.active,
    })
    .from(roleTeam)
    .innerJoin(users, eq(users.id, roleTeam.userId))
    .where(eq(roleTeam.roleId, roleId))
    .orderBy(asc(roleTeam.teamRole), asc(users.name))
    .all();
}

/** Ids among `ids` that are not active users of one of `kinds` (the form's pickers only offer those). */
export function findIdsNotOfKinds(ids: number[], kinds: UserKind[]): number[] {
  if (ids.length === 0) return [];
  const found = getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true), inArray(users.kind, kinds)))
    .all()
    .map((r) => r.id);
  return ids.filter((id) => !found.includes(id));
}

/** Ids among `ids` that are not active users (the form's pickers only offer active users). */
export function findUnknownTeamMemberIds(ids: number[]): number[] {
  if (ids.length === 0) return [];
  const found = getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)))
    .all()
    .map((r) => r.id);
  return ids.filter((id) => !found.includes(id));
}

function roleColumns(values: RoleFormValues) {
  const { hiringManagerIds: _hm, interviewerIds: _iv, ...columns } = values;
  return columns;
}

function teamRows(roleId: number, values: RoleFormValues) {
  return [
    ...values.hiringManagerIds.map((userId) => ({ roleId, userId, teamRole: "hiring_manager" as const })),
    ...values.interviewerIds.map((userId) => ({ roleId, userId, teamRole: "interviewer" as const })),
  ];
}

export function createRole(input: { values: RoleFormValues; createdById: number }): number {
  return getDb().transaction((tx) => {
    const { id } = tx
      .insert(roles)
      .values({
        ...roleColumns(input.values),
        createdById: input.createdById,
        closedAt: isSettledRole(input.values.status) ? new Date() : null,
      })
      .returning({ id: roles.id })
      .get();
    const team = teamRows(id, input.values);
    if (team.length) tx.insert(roleTeam).values(team).run();
    recordAudit({
      actorId: input.createdById,
      action: "role.create",
      subject: { type: "role", id },
      roleId: id,
      detail: { status: input.values.status },
    });
    return id;
  });
}

export type RoleUpdateResult = { ok: true } | { ok: false; reason: "conflict" | "not-found" };

/** Update a role and its team in one transaction, only if nobody saved it since `version`. */
export function updateRole(input: {
  id: number;
  version: number;
  values: RoleFormValues;
  actorId: number;
}): RoleUpdateResult {
  return getDb().transaction((tx) => {
    // Filling or closing the role stamps when; reopening it clears that; staying settled keeps the first date.
    const before = tx.select().from(roles).where(eq(roles.id, input.id)).get();
    const teamBefore = tx.select().from(roleTeam).where(eq(roleTeam.roleId, input.id)).all();
    const closedAt = !isSettledRole(input.values.status)
      ? null
      : before && isSettledRole(before.status) && before.closedAt
        ? before.closedAt
        : new Date();
    const changed = tx
      .update(roles)
      .set({ ...roleColumns(input.values), closedAt, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(roles.id, input.id), eq(roles.version, input.version)))
      .run().changes;
    if (changed === 0) {
      const exists = tx.select({ id: roles.id }).from(roles).where(eq(roles.id, input.id)).get();
      return { ok: false, reason: exists ? "conflict" : "not-found" } as const;
    }
    tx.delete(roleTeam).where(eq(roleTeam.roleId, input.id)).run();
    const team = teamRows(input.id, input.values);
    if (team.length) tx.insert(roleTeam).values(team).run();
    const teamKey = (rows: { userId: number; teamRole: string }[]) =>
      rows
        .map((r) => `${r.teamRole}:${r.userId}`)
        .sort()
        .join(",");
    recordAudit({
      actorId: input.actorId,
      action: "role.update",
      subject: { type: "role", id: input.id },
      roleId: input.id,
      fields: [
        ...changedFields(before as Record<string, unknown>, roleColumns(input.values)),
        ...(teamKey(teamBefore) !== teamKey(team) ? ["team"] : []),
      ],
    });
    return { ok: true } as const;
  });
}

/**
 * Roles for a picker, id and title only, in one query: every role, or (managedOnly) those the viewer manages;
 * in the roles list's order.
 */
export function listRoleOptions(viewer: Viewer, options: { managedOnly: boolean }): { id: number; title: string }[] {
  return getDb()
    .select({ id: roles.id, title: roles.title })
    .from(roles)
    .where(options.managedOnly ? managedBy(viewer.id) : undefined)
    .orderBy(...roleListOrder)
    .all();
}

/** Ids of roles whose hiring team a user is on. */
export function listVisibleRoleIds(userId: number): number[] {
  return getDb()
    .select({ id: roleTeam.roleId })
    .from(roleTeam)
    .where(eq(roleTeam.userId, userId))
    .all()
    .map((r) => r.id);
}

export function isRoleBlind(roleId: number): boolean {
  return getDb().select({ blind: roles.blindFeedback }).from(roles).where(eq(roles.id, roleId)).get()?.blind ?? true;
}

export function saveCostAssumptions(input: { id: number; version: number; assumptions: Record<string, number> }): {
  ok: boolean;
} {
  const changed = getDb()
    .update(roles)
    .set({ costAssumptions: input.assumptions, version: input.version + 1, updatedAt: new Date() })
    .where(and(eq(roles.id, input.id), eq(roles.version, input.version)))
    .run().changes;
  return { ok: changed > 0 };
}
