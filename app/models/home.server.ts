// The home page's figures over every role in view, in aggregate SQL: the page draws a dozen role cards, so it
// reads a dozen roles, and counts the rest.
import { sql } from "drizzle-orm";
import { briefFields, sentenceBlanks } from "~/domain/brief";
import { getDb, schema } from "~/utils/db.server";
import { buildRoleConditions, type Viewer } from "./role.server";

const { roles } = schema;

/** The characters JavaScript's String.prototype.trim removes: a brief field of only these is blank. */
const JS_WHITESPACE =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/**
 * Over the active roles a viewer's home covers (theirs only with `mine`): how many, how many open, the hires
 * still to make in open roles (headcount less hires, never below zero), and how many briefs are incomplete (a
 * field `briefReadiness` requires is blank).
 */
export function getHomeRoleFigures(viewer: Viewer, mine: boolean) {
  const fields = [...sentenceBlanks, ...briefFields].map(({ field }) => roles[field]);
  const blank = sql.join(
    fields.map((column) => sql`trim(coalesce(${column}, ''), ${JS_WHITESPACE}) = ''`),
    sql` or `,
  );
  const hired = sql`(select count(*) from applications a where a.role_id = ${roles.id} and a.stage = 'hired')`;
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
