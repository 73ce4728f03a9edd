// Erasing a candidate: in one transaction their identifying data goes, and so
// do their name, email, phone and links wherever others wrote them; ratings,
// recommendations, stages and decisions stay. Then the write-ahead log is
// checkpointed and truncated, so with secure_delete on (db/client.ts) neither
// the database file nor its WAL holds the old bytes. Backups are out of reach.
import { createHmac } from "node:crypto";
import { and, desc, eq, gte, inArray, isNotNull, isNull, ne, or } from "drizzle-orm";
import { maskName } from "~/domain/audit";
import { isoDay } from "~/domain/dates";
import {
  erasedCandidateEmail,
  erasedCandidateName,
  erasureRefusal,
  identifierPatterns,
  redactJson,
  redactText,
  type ErasureBlockers,
} from "~/domain/erasure";
import { isOpenStage } from "~/domain/pipeline";
import { getEnv } from "~/utils/env.server";
import { getDb, schema } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { deleteMailAbout } from "./mail.server";

const s = schema;

/** A keyed hash of a normalised email: recognises a re-application without keeping the address. */
export function emailFingerprint(email: string): string {
  return createHmac("sha256", `erasure:${getEnv().sessionSecret}`).update(email.trim().toLowerCase()).digest("hex");
}

/** What stands in the way of erasing the candidate now (open applications, offers in play, holds). */
export function getErasureBlockers(candidateId: number, now: Date): ErasureBlockers | null {
  const db = getDb();
  const candidate = db
    .select({ erasedAt: s.candidates.erasedAt })
    .from(s.candidates)
    .where(eq(s.candidates.id, candidateId))
    .get();
  if (!candidate) return null;
  const applications = db
    .select({ id: s.applications.id, stage: s.applications.stage, roleTitle: s.roles.title })
    .from(s.applications)
    .innerJoin(s.roles, eq(s.roles.id, s.applications.roleId))
    .where(eq(s.applications.candidateId, candidateId))
    .all();
  const offers = applications.length
    ? db
        .select({ status: s.offers.status, applicationId: s.offers.applicationId })
        .from(s.offers)
        .where(
          and(
            inArray(
              s.offers.applicationId,
              applications.map((a) => a.id),
            ),
            eq(s.offers.status, "open"),
          ),
        )
        .all()
    : [];
  const holds = db
    .select({ reason: s.candidateHolds.reason, until: s.candidateHolds.until })
    .from(s.candidateHolds)
    .where(
      and(
        eq(s.candidateHolds.candidateId, candidateId),
        gte(s.candidateHolds.until, isoDay(now)),
        isNull(s.candidateHolds.endedAt),
      ),
    )
    .all();
  return {
    alreadyErased: candidate.erasedAt !== null,
    openApplications: applications.filter((a) => isOpenStage(a.stage)),
    offers: offers.map((o) => ({
      roleTitle: applications.find((a) => a.id === o.applicationId)?.roleTitle ?? "",
      status: o.status,
    })),
    holds,
  };
}

export type EraseResult =
  { ok: true } | { ok: false; reason: "not-found" } | { ok: false; reason: "refused"; message: string };

/**
 * Erase one candidate, or say why not. `reason` is kept on the record with any
 * mention of the person taken out; the audit entry holds a masked name only.
 */
export function eraseCandidate(input: {
  candidateId: number;
  actorId: number | null;
  reason: string;
  now: Date;
}): EraseResult {
  const db = getDb();
  const result = db.transaction((): EraseResult => {
    const blockers = getErasureBlockers(input.candidateId, input.now);
    if (!blockers) return { ok: false, reason: "not-found" };
    const refusal = erasureRefusal(blockers);
    if (refusal) return { ok: false, reason: "refused", message: refusal };
    const person = db.select().from(s.candidates).where(eq(s.candidates.id, input.candidateId)).get()!;
    const patterns = identifierPatterns({
      name: person.name,
      email: person.email,
      phone: person.phone,
      urls: [person.profileUrl, person.codeUrl, person.portfolioUrl],
    });
    redactWhatOthersWrote(input.candidateId, patterns);
    db.update(s.candidates)
      .set({
        name: erasedCandidateName(person.id),
        email: erasedCandidateEmail(person.id),
        phone: null,
        location: null,
        timezone: null,
        profileUrl: null,
        codeUrl: null,
        portfolioUrl: null,
        payKind: null,
        payAmount: null,
        availableFrom: null,
        skills: [],
        notes: null,
        erasedAt: input.now,
        erasureReason: redactText(input.reason, patterns),
        emailHash: emailFingerprint(person.email),
        version: person.version + 1,
        updatedAt: input.now,
      })
      .where(eq(s.candidates.id, person.id))
      .run();
    recordAudit({
      actorId: input.actorId,
      action: "candidate.erase",
      subject: { type: "candidate", id: person.id },
      detail: { maskedName: maskName(person.name) },
    });
    return { ok: true };
  });
  if (result.ok) truncateWriteAheadLog();
  return result;
}

type Patterns = RegExp[];

/** Their applications' records: notes, evidence, findings, links and comments, redacted or emptied. */
function redactWhatOthersWrote(candidateId: number, patterns: Patterns) {
  const db = getDb();
  const redact = (text: string | null) => redactText(text, patterns);
  const applicationIds = db
    .select({ id: s.applications.id })
    .from(s.applications)
    .where(eq(s.applications.candidateId, candidateId))
    .all()
    .map((a) => a.id);
  if (applicationIds.length)
    for (const a of db.select().from(s.applications).where(inArray(s.applications.id, applicationIds)).all())
      db.update(s.applications)
        .set({ exitNote: redact(a.exitNote) })
        .where(eq(s.applications.id, a.id))
        .run();
  db.update(s.agencySubmissions).set({ contactId: null }).where(eq(s.agencySubmissions.candidateId, candidateId)).run();

  redactChecks(candidateId, applicationIds, patterns);
  redactPanelWords(applicationIds, patterns);
  redactTakeHomes(applicationIds, patterns);
  redactDecisionsAndOffers(applicationIds, patterns);
  deleteMailAbout(applicationIds);
  for (const h of db.select().from(s.candidateHolds).where(eq(s.candidateHolds.candidateId, candidateId)).all())
    db.update(s.candidateHolds)
      .set({ reason: redact(h.reason)! })
      .where(eq(s.candidateHolds.id, h.id))
      .run();
}

function redactChecks(candidateId: number, applicationIds: number[], patterns: Patterns) {
  const db = getDb();
  const checks = db
    .select()
    .from(s.complianceChecks)
    .where(
      or(
        eq(s.complianceChecks.candidateId, candidateId),
        applicationIds.length ? inArray(s.complianceChecks.applicationId, applicationIds) : undefined,
      ),
    )
    .all();
  for (const c of checks) {
    // Evidence references and findings go whole; the reasons others wrote lose the person.
    db.update(s.complianceChecks)
      .set({
        evidenceRef: null,
        detail: null,
        rationale: redactText(c.rationale, patterns),
        waiverReason: redactText(c.waiverReason, patterns),
      })
      .where(eq(s.complianceChecks.id, c.id))
      .run();
    for (const h of db.select().from(s.complianceHistory).where(eq(s.complianceHistory.checkId, c.id)).all()) {
      const { evidenceRef: _e, detail: _d, ...kept } = h.snapshot;
      db.update(s.complianceHistory)
        .set({ snapshot: redactJson(kept, patterns) })
        .where(eq(s.complianceHistory.id, h.id))
        .run();
    }
  }
}

function redactPanelWords(applicationIds: number[], patterns: Patterns) {
  if (!applicationIds.length) return;
  const db = getDb();
  for (const h of db.select().from(s.stageHistory).where(inArray(s.stageHistory.applicationId, applicationIds)).all())
    db.update(s.stageHistory)
      .set({ note: redactText(h.note, patterns) })
      .where(eq(s.stageHistory.id, h.id))
      .run();
  const interviews = db.select().from(s.interviews).where(inArray(s.interviews.applicationId, applicationIds)).all();
  for (const i of interviews)
    db.update(s.interviews)
      .set({ prompts: redactJson(i.prompts, patterns), customQuestions: redactJson(i.customQuestions, patterns) })
      .where(eq(s.interviews.id, i.id))
      .run();
  if (!interviews.length) return;
  const cards = db
    .select()
    .from(s.scorecards)
    .where(
      inArray(
        s.scorecards.interviewId,
        interviews.map((i) => i.id),
      ),
    )
    .all();
  for (const card of cards) {
    db.update(s.scorecards)
      .set({ keyTakeaways: redactText(card.keyTakeaways, patterns) })
      .where(eq(s.scorecards.id, card.id))
      .run();
    for (const r of db.select().from(s.scorecardRatings).where(eq(s.scorecardRatings.scorecardId, card.id)).all())
      db.update(s.scorecardRatings)
        .set({ evidence: redactText(r.evidence, patterns) })
        .where(and(eq(s.scorecardRatings.scorecardId, card.id), eq(s.scorecardRatings.areaKey, r.areaKey)))
        .run();
    for (const a of db.select().from(s.scorecardAmendments).where(eq(s.scorecardAmendments.scorecardId, card.id)).all())
      db.update(s.scorecardAmendments)
        .set({ reason: redactText(a.reason, patterns)!, before: redactJson(a.before, patterns) })
        .where(eq(s.scorecardAmendments.id, a.id))
        .run();
  }
}

function redactTakeHomes(applicationIds: number[], patterns: Patterns) {
  if (!applicationIds.length) return;
  const db = getDb();
  for (const t of db.select().from(s.takeHomes).where(inArray(s.takeHomes.applicationId, applicationIds)).all()) {
    db.update(s.takeHomes)
      .set({
        submissionUrl: null,
        title: redactText(t.title, patterns)!,
        instructions: redactText(t.instructions, patterns)!,
        extensionReason: redactText(t.extensionReason, patterns),
        waiverReason: redactText(t.waiverReason, patterns),
      })
      .where(eq(s.takeHomes.id, t.id))
      .run();
    for (const g of db.select().from(s.takeHomeGrades).where(eq(s.takeHomeGrades.takeHomeId, t.id)).all())
      db.update(s.takeHomeGrades)
        .set({ notes: redactText(g.notes, patterns) })
        .where(eq(s.takeHomeGrades.id, g.id))
        .run();
  }
}

function redactDecisionsAndOffers(applicationIds: number[], patterns: Patterns) {
  if (!applicationIds.length) return;
  const db = getDb();
  for (const d of db.select().from(s.decisions).where(inArray(s.decisions.applicationId, applicationIds)).all())
    db.update(s.decisions)
      .set({
        rationale: redactText(d.rationale, patterns)!,
        againstNote: redactText(d.againstNote, patterns),
        changeReason: redactText(d.changeReason, patterns),
      })
      .where(eq(s.decisions.id, d.id))
      .run();
  for (const o of db.select().from(s.offers).where(inArray(s.offers.applicationId, applicationIds)).all()) {
    db.update(s.offers)
      .set({ termsNote: redactText(o.termsNote, patterns) })
      .where(eq(s.offers.id, o.id))
      .run();
    for (const a of db.select().from(s.offerApprovals).where(eq(s.offerApprovals.offerId, o.id)).all())
      db.update(s.offerApprovals)
        .set({ comment: redactText(a.comment, patterns) })
        .where(eq(s.offerApprovals.id, a.id))
        .run();
  }
}

/**
 * Copy the WAL into the database and truncate it to nothing, so the erased
 * bytes live nowhere but in pages secure_delete has zeroed. A reader still
 * holding an old snapshot keeps the checkpoint from finishing: try a few times.
 */
function truncateWriteAheadLog() {
  const client = getDb().$client;
  for (let attempt = 0; attempt < 20; attempt++) {
    const [row] = client.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    if (!row || row.busy === 0) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  console.warn("erasure: the write-ahead log could not be truncated now; the next checkpoint will");
}

/**
 * The erased candidate whose email this person's email was, if any: a re-application recognised by the keyed
 * hash erasure keeps, which tells that it is one and nothing more.
 */
export function findErasedPredecessor(candidateId: number, email: string): { id: number; erasedAt: Date } | null {
  const row = getDb()
    .select({ id: s.candidates.id, erasedAt: s.candidates.erasedAt })
    .from(s.candidates)
    .where(
      and(
        eq(s.candidates.emailHash, emailFingerprint(email)),
        ne(s.candidates.id, candidateId),
        isNotNull(s.candidates.erasedAt),
      ),
    )
    .orderBy(desc(s.candidates.erasedAt))
    .get();
  return row?.erasedAt ? { id: row.id, erasedAt: row.erasedAt } : null;
}
