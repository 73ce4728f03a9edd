// Where a user stands on the hiring team of the record a URL names.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ScopeVia } from "~/domain/policy";
import type { TeamRole } from "~/domain/reference";
import { getDb, preparedQuery, schema } from "~/utils/db.server";

const { roleTeam, applications } = schema;

function strongest(roles: TeamRole[]): TeamRole | null {
  if (roles.includes("hiring_manager")) return "hiring_manager";
  return roles.includes("interviewer") ? "interviewer" : null;
}

// The lookup behind every role page, prepared once.
const teamRolesOnRole = preparedQuery((db) =>
  db
    .select({ teamRole: roleTeam.teamRole })
    .from(roleTeam)
    .where(and(eq(roleTeam.userId, sql.placeholder("userId")), eq(roleTeam.roleId, sql.placeholder("roleId"))))
    .prepare(),
);

/** The user's team role on the role(s) behind a role, application or candidate id; null if none. */
export function getTeamRoleVia(via: ScopeVia, id: number, userId: number): TeamRole | null {
  const db = getDb();
  const { interviews, interviewPanel, takeHomes, takeHomeGraders } = schema;
  // Membership scopes: off the panel or not a grader means no team role at all.
  if (
    via === "panel" &&
    !db
      .select({ id: interviewPanel.userId })
      .from(interviewPanel)
      .where(and(eq(interviewPanel.interviewId, id), eq(interviewPanel.userId, userId)))
      .get()
  )
    return null;
  if (
    via === "grader" &&
    !db
      .select({ id: takeHomeGraders.userId })
      .from(takeHomeGraders)
      .where(and(eq(takeHomeGraders.takeHomeId, id), eq(takeHomeGraders.userId, userId)))
      .get()
  )
    return null;
  const viaInterview = via === "interview" || via === "panel";
  const viaTakeHome = via === "takehome" || via === "grader";
  const roleIds =
    via === "application"
      ? db.select({ id: applications.roleId }).from(applications).where(eq(applications.id, id))
      : viaInterview
        ? db
            .select({ id: applications.roleId })
            .from(applications)
            .innerJoin(interviews, eq(interviews.applicationId, applications.id))
            .where(eq(interviews.id, id))
        : viaTakeHome
          ? db
              .select({ id: applications.roleId })
              .from(applications)
              .innerJoin(takeHomes, eq(takeHomes.applicationId, applications.id))
              .where(eq(takeHomes.id, id))
          : db.select({ id: applications.roleId }).from(applications).where(eq(applications.candidateId, id));
  const rows =
    via === "role"
      ? teamRolesOnRole().all({ userId, roleId: id })
      : db
          .select({ teamRole: roleTeam.teamRole })
          .from(roleTeam)
          .where(and(eq(roleTeam.userId, userId), inArray(roleTeam.roleId, roleIds)))
          .all();
  // A panel member or grader who is not on the hiring team (an admin asked to interview) still counts as on the panel.
  const found = strongest(rows.map((r) => r.teamRole)) ?? (via === "panel" || via === "grader" ? "interviewer" : null);
  if (found || via !== "candidate") return found;
  // Someone who added a person who is not on any role yet looks after that record until they are.
  const own = db
    .select({ id: schema.candidates.id })
    .from(schema.candidates)
    .where(and(eq(schema.candidates.id, id), eq(schema.candidates.createdById, userId)))
    .get();
  const onARole = db.select({ id: applications.id }).from(applications).where(eq(applications.candidateId, id)).get();
  return own && !onARole ? "hiring_manager" : null;
}
