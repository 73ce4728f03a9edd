import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { vettingQuestions } from "~/domain/reference";
import type { AgencyFormValues } from "~/schemas/agency";
import { containsPattern, getDb, schema } from "~/utils/db.server";
import type { SaveResult } from "./candidate.server";

const { agencies, agencyContacts, agencyVetting, applications } = schema;

export function listAgencies(input: { query: string }) {
  const db = getDb();
  const q = input.query.trim();
  const where = q ? sql`${agencies.name} like ${containsPattern(q)} escape '\\'` : undefined;
  const rows = db
    .select({
      id: agencies.id,
      name: agencies.name,
      kind: agencies.kind,
      website: agencies.website,
      offersHandover: agencies.offersHandover,
      writtenAcceptanceCriteria: agencies.writtenAcceptanceCriteria,
    })
    .from(agencies)
    .where(where)
    .orderBy(asc(agencies.name))
    .all();
  const vetting = db
    .select({ agencyId: agencyVetting.agencyId, assessment: agencyVetting.assessment })
    .from(agencyVetting)
    .all();
  const bids = db
    .select({ agencyId: applications.agencyId, n: count() })
    .from(applications)
    .where(sql`${applications.agencyId} is not null`)
    .groupBy(applications.agencyId)
    .all();
  // Per agency, its submissions that count, as kept by triggers (row_counts, db/home-counts.ts).
  const submissions = db.all<{ agencyId: number; n: number }>(
    sql`select key as agencyId, n from row_counts where name = 'agency_submissions'`,
  );
  return rows.map((r) => {
    const marks = vetting.filter((v) => v.agencyId === r.id && v.assessment);
    return {
      ...r,
      vetting: {
        good: marks.filter((m) => m.assessment === "good").length,
        weak: marks.filter((m) => m.assessment === "weak").length,
        bad: marks.filter((m) => m.assessment === "bad").length,
      },
      bids: bids.find((b) => b.agencyId === r.id)?.n ?? 0,
      candidatesSubmitted: submissions.find((s) => s.agencyId === r.id)?.n ?? 0,
    };
  });
}

export function getAgency(id: number) {
  const db = getDb();
  const agency = db.select().from(agencies).where(eq(agencies.id, id)).get();
  if (!agency) return null;
  const contacts = db
    .select()
    .from(agencyContacts)
    .where(eq(agencyContacts.agencyId, id))
    .orderBy(asc(agencyContacts.id))
    .all();
  const vetting = db.select().from(agencyVetting).where(eq(agencyVetting.agencyId, id)).all();
  return { agency, contacts, vetting };
}

export function isAgencyNameTaken(name: string, exceptId?: number): boolean {
  const row = getDb()
    .select({ id: agencies.id })
    .from(agencies)
    .where(sql`lower(${agencies.name}) = lower(${name.trim()})`)
    .get();
  return Boolean(row && row.id !== exceptId);
}

export function createAgency(values: AgencyFormValues): number {
  return getDb().transaction((tx) => {
    const { id } = tx.insert(agencies).values(values.agency).returning({ id: agencies.id }).get();
    if (values.contacts.length)
      tx.insert(agencyContacts)
        .values(values.contacts.map((c) => ({ ...c, agencyId: id })))
        .run();
    tx.insert(agencyVetting)
      .values(values.vetting.map((v) => ({ ...v, agencyId: id })))
      .run();
    return id;
  });
}

/**
 * Update an agency, its vetting and its contacts. Contacts are matched by
 * position to keep their ids (submissions point at them); extra old ones go.
 */
export function updateAgency(input: { id: number; version: number; values: AgencyFormValues }): SaveResult {
  return getDb().transaction((tx) => {
    const changed = tx
      .update(agencies)
      .set({ ...input.values.agency, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(agencies.id, input.id), eq(agencies.version, input.version)))
      .run().changes;
    if (changed === 0) {
      const exists = tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.id)).get();
      return { ok: false, reason: exists ? "conflict" : "not-found" } as const;
    }
    const old = tx
      .select({ id: agencyContacts.id })
      .from(agencyContacts)
      .where(eq(agencyContacts.agencyId, input.id))
      .orderBy(asc(agencyContacts.id))
      .all();
    input.values.contacts.forEach((contact, i) => {
      if (old[i]) tx.update(agencyContacts).set(contact).where(eq(agencyContacts.id, old[i].id)).run();
      else
        tx.insert(agencyContacts)
          .values({ ...contact, agencyId: input.id })
          .run();
    });
    for (const stale of old.slice(input.values.contacts.length))
      tx.delete(agencyContacts).where(eq(agencyContacts.id, stale.id)).run();
    tx.delete(agencyVetting).where(eq(agencyVetting.agencyId, input.id)).run();
    tx.insert(agencyVetting)
      .values(input.values.vetting.map((v) => ({ ...v, agencyId: input.id })))
      .run();
    return { ok: true } as const;
  });
}

export function listAgencyOptions() {
  const db = getDb();
  const rows = db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind })
    .from(agencies)
    .orderBy(asc(agencies.name))
    .all();
  const contacts = db
    .select({ id: agencyContacts.id, agencyId: agencyContacts.agencyId, name: agencyContacts.name })
    .from(agencyContacts)
    .all();
  return rows.map((r) => ({
    ...r,
    contacts: contacts.filter((c) => c.agencyId === r.id).map(({ id, name }) => ({ id, name })),
  }));
}

/**
 * Agencies with their vetting at a glance: how many of the vetting questions were answered well, weakly or badly
 * (and how many not yet asked), whether they offer a handover package and agree to written acceptance criteria.
 * The markup is pay-like: callers show it only to those who may see pay.
 */
export function listAgencyGlances(ids: number[]) {
  if (ids.length === 0) return [];
  const db = getDb();
  const rows = db
    .select({
      id: agencies.id,
      name: agencies.name,
      markupPercent: agencies.markupPercent,
      offersHandover: agencies.offersHandover,
      writtenAcceptanceCriteria: agencies.writtenAcceptanceCriteria,
    })
    .from(agencies)
    .where(inArray(agencies.id, ids))
    .all();
  const marks = db
    .select({ agencyId: agencyVetting.agencyId, assessment: agencyVetting.assessment, n: count() })
    .from(agencyVetting)
    .where(inArray(agencyVetting.agencyId, ids))
    .groupBy(agencyVetting.agencyId, agencyVetting.assessment)
    .all();
  const tally = (id: number, assessment: "good" | "weak" | "bad") =>
    marks.find((m) => m.agencyId === id && m.assessment === assessment)?.n ?? 0;
  return rows.map((r) => {
    const [good, weak, bad] = [tally(r.id, "good"), tally(r.id, "weak"), tally(r.id, "bad")];
    return {
      ...r,
      vetting: { good, weak, bad, unasked: Math.max(0, vettingQuestions.length - good - weak - bad) },
    };
  });
}

export type AgencyGlance = ReturnType<typeof listAgencyGlances>[number];

/** Changes whenever an agency is added or edited (its vetting is saved with it): figures that show agencies follow it. */
export function agenciesVersion(): string {
  const row = getDb()
    .select({ n: count(), sum: sql<number>`coalesce(sum(${agencies.version}), 0)` })
    .from(agencies)
    .get();
  return `${row?.n ?? 0}.${row?.sum ?? 0}`;
}
