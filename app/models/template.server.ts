// Scorecard templates: a role's areas and weights, versioned once any scorecard used them.
import { desc, eq } from "drizzle-orm";
import { defaultAreas, templateChange, type TemplateArea } from "~/domain/scorecard";
import { getDb, schema } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

const { scorecardTemplates, scorecards, roles } = schema;

export type Template = { id: number | null; version: number; areas: TemplateArea[] };

/** The role's current template; a role that never saved one uses the default (persisted on first use). */
export function getCurrentTemplate(roleId: number): Template {
  const row = getDb()
    .select()
    .from(scorecardTemplates)
    .where(eq(scorecardTemplates.roleId, roleId))
    .orderBy(desc(scorecardTemplates.version))
    .get();
  return row ? { id: row.id, version: row.version, areas: row.areas } : { id: null, version: 1, areas: defaultAreas };
}

export function getTemplate(id: number): Template | null {
  const row = getDb().select().from(scorecardTemplates).where(eq(scorecardTemplates.id, id)).get();
  return row ? { id: row.id, version: row.version, areas: row.areas } : null;
}

/** The id of the role's current template, creating version 1 from the default if needed. Call inside a write. */
export function ensureTemplateId(roleId: number, actorId: number | null): number {
  const current = getCurrentTemplate(roleId);
  if (current.id !== null) return current.id;
  return getDb()
    .insert(scorecardTemplates)
    .values({ roleId, version: 1, areas: current.areas, createdById: actorId, createdAt: new Date() })
    .returning({ id: scorecardTemplates.id })
    .get().id;
}

/** Save a role's template: in place while unused, as a new version once any scorecard used it. Also sets blindness. */
export function saveTemplate(input: {
  roleId: number;
  areas: TemplateArea[];
  blindFeedback: boolean;
  actorId: number;
}): { version: number; created: boolean } {
  const db = getDb();
  return db.transaction((tx) => {
    tx.update(roles)
      .set({ blindFeedback: input.blindFeedback, updatedAt: new Date() })
      .where(eq(roles.id, input.roleId))
      .run();
    const current = tx
      .select()
      .from(scorecardTemplates)
      .where(eq(scorecardTemplates.roleId, input.roleId))
      .orderBy(desc(scorecardTemplates.version))
      .get();
    const used = current
      ? tx.select({ id: scorecards.id }).from(scorecards).where(eq(scorecards.templateId, current.id)).get() !==
        undefined
      : false;
    const audit = (version: number) =>
      recordAudit({
        actorId: input.actorId,
        action: "template.update",
        subject: { type: "role", id: input.roleId },
        roleId: input.roleId,
        fields: ["areas", "blindFeedback"],
        detail: { to: `v${version}` },
      });
    if (current && templateChange({ used }) === "edit-in-place") {
      tx.update(scorecardTemplates).set({ areas: input.areas }).where(eq(scorecardTemplates.id, current.id)).run();
      audit(current.version);
      return { version: current.version, created: false };
    }
    const version = (current?.version ?? 0) + 1;
    tx.insert(scorecardTemplates)
      .values({ roleId: input.roleId, version, areas: input.areas, createdById: input.actorId, createdAt: new Date() })
      .run();
    audit(version);
    return { version, created: true };
  });
}
