// Anonymous grading: while a user grades an anonymous take-home, nothing they
// can open may identify the candidate. Records are refused at the door;
// lists swap the name for the take-home's alias.
import { eq, inArray } from "drizzle-orm";
import type { ScopeVia } from "~/domain/policy";
import { getDb, schema } from "~/utils/db.server";
import { listMaskedApplications } from "./take-home.server";

export type Mask = { applicationIds: Set<number>; candidateIds: Set<number>; alias: Map<number, string> };

export function getMask(userId: number): Mask {
  const masked = listMaskedApplications(userId);
  if (masked.length === 0) return { applicationIds: new Set(), candidateIds: new Set(), alias: new Map() };
  const ids = masked.map((m) => m.id);
  const apps = getDb()
    .select({ id: schema.applications.id, candidateId: schema.applications.candidateId })
    .from(schema.applications)
    .where(inArray(schema.applications.id, ids))
    .all();
  return {
    applicationIds: new Set(ids),
    candidateIds: new Set(apps.map((a) => a.candidateId).filter((c): c is number => c !== null)),
    alias: new Map(masked.map((m) => [m.id, m.alias])),
  };
}

/** The name a list shows for an application: the take-home's alias if the viewer grades it anonymously, else `name`. */
export function getShownName(mask: Mask, applicationId: number, name: string): string {
  return mask.applicationIds.has(applicationId) ? (mask.alias.get(applicationId) ?? "Anonymous") : name;
}

/** Whether the record a URL names would identify someone this user is grading anonymously. */
export function isMaskedRecord(via: ScopeVia, id: number, userId: number): boolean {
  if (via === "grader" || via === "role") return false;
  const mask = getMask(userId);
  if (mask.applicationIds.size === 0) return false;
  const db = getDb();
  if (via === "application") return mask.applicationIds.has(id);
  if (via === "candidate") return mask.candidateIds.has(id);
  if (via === "interview" || via === "panel") {
    const row = db
      .select({ applicationId: schema.interviews.applicationId })
      .from(schema.interviews)
      .where(eq(schema.interviews.id, id))
      .get();
    return row ? mask.applicationIds.has(row.applicationId) : false;
  }
  const row = db
    .select({ applicationId: schema.takeHomes.applicationId })
    .from(schema.takeHomes)
    .where(eq(schema.takeHomes.id, id))
    .get();
  return row ? mask.applicationIds.has(row.applicationId) : false;
}
