// The home page's figures over every role in view, in aggregate SQL: the page draws a dozen role cards, so it
// reads a dozen roles, and counts the rest.
import { sql } from "drizzle-orm";
import { briefIncompleteSql } from "~/domain/brief";
import { getDb, schema } from "~/utils/db.server";
import { buildRoleConditions, type Viewer } from "./role.server";

const { roles } = schema;

/**
 * Over the active roles a viewer's home covers (theirs only with `mine`): how many, how many open, the hires
 * still to make in open roles (headcount less hires, never below zero), and how many briefs are incomplete (a
 * field `briefReadiness` requires is blank).
 */
export function getHomeRoleFigures(viewer: Viewer, mine: boolean) {
  // The index roles_home_figures_idx holds the status, the headcount and this expression: the roles' rows are not read.
  const blank = sql.raw(`(${briefIncompleteSql()})`);
  // Hires per role from their kept count (db/home-counts.ts), not from the applications.
  const hired = sql`coalesce((select n from role_stage_counts h where h.role_id = ${roles.id} and h.stage = 'hired'), 0)`;
  const row = getDb()
    .select({
      active: sql<number>`count(*)`,
      open: sql<number>`coalesce(sum(${roles.status} = 'open'), 0)`,
      openings: sql<number>`coalesce(sum(case when ${roles.status} = 'open' then max(0, ${roles.headcount} - ${hired}) else 0 end), 0)`,
      briefsIncomplete: sql<number>`coalesce(sum(${blank}), 0)`,
    })
    .from(roles)
    .where(buildRoleConditions(viewer, { status: "active", mine }))
    .get();
  return row ?? { active: 0, open: 0, openings: 0, briefsIncomplete: 0 };
}
