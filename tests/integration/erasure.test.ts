import { readFileSync, existsSync } from "node:fs";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ERASED_MARKER } from "~/domain/erasure";
import { isOpenStage } from "~/domain/pipeline";
import { eraseCandidate, emailFingerprint } from "~/models/erasure.server";
import { exportCandidateData } from "~/models/subject-access.server";
import { searchCandidates } from "~/models/candidate.server";
import { computeRoleRollup } from "~/models/rollup.server";
import { getDb, schema as s } from "~/utils/db.server";
import * as erasePage from "~/routes/candidates.$candidateId.erase";
import * as candidatePage from "~/routes/candidates.$candidateId._index";
import * as editPage from "~/routes/candidates.$candidateId.edit";
import * as newCandidate from "~/routes/candidates.new";
import { cookieFor, get, invoke, post, totalChanges, userIdByEmail } from "../support/http";

const NAME = "Xqzmarker Wvblurp";
const EMAIL = "xqz.marker77@mail.example";
const PHONE = "+1 555 013 7788";
const markers = [
  "Xqzmarker",
  "Wvblurp",
  "xqz.marker77",
  "555 013 7788",
  "5550137788",
  "XQ1-location",
  "XQ2-notes",
  "XQ3-skill",
  "XQ4-profile",
  "XQ5-evidence",
  "XQ6-findings",
  "XQ7-submission",
];

/** A candidate whose every application is closed and who has submitted scorecards: the one to erase. */
function pickClosedCandidate() {
  const db = getDb();
  const rows = db
    .select({ candidateId: s.applications.candidateId, roleId: s.applications.roleId, stage: s.applications.stage })
    .from(s.applications)
    .innerJoin(s.interviews, eq(s.interviews.applicationId, s.applications.id))
    .innerJoin(s.scorecards, and(eq(s.scorecards.interviewId, s.interviews.id), eq(s.scorecards.status, "submitted")))
    .where(and(isNotNull(s.applications.candidateId), eq(s.applications.stage, "rejected")))
    .all();
  for (const row of rows) {
    const all = db.select().from(s.applications).where(eq(s.applications.candidateId, row.candidateId!)).all();
    const erased = db.select().from(s.candidates).where(eq(s.candidates.id, row.candidateId!)).get()!.erasedAt;
    const held = db.select().from(s.candidateHolds).where(eq(s.candidateHolds.candidateId, row.candidateId!)).all();
    if (!erased && !held.length && all.every((a) => !isOpenStage(a.stage)))
      return { candidateId: row.candidateId!, roleId: row.roleId };
  }
  throw new Error("The demo has no candidate with only closed applications and scorecards");
}

/** Put a marker in every personal field, and the person's name, email and phone in what others wrote. */
function plantMarkers(candidateId: number) {
  const db = getDb();
  db.update(s.candidates)
    .set({
      name: NAME,
      email: EMAIL,
      phone: PHONE,
      location: "XQ1-location",
      notes: "XQ2-notes",
      skills: ["XQ3-skill"],
      profileUrl: "https://example.com/XQ4-profile",
      payAmount: 123456,
      payKind: "annual",
    })
    .where(eq(s.candidates.id, candidateId))
    .run();
  const appIds = db
    .select({ id: s.applications.id })
    .from(s.applications)
    .where(eq(s.applications.candidateId, candidateId))
    .all()
    .map((a) => a.id);
  const mention = `Spoke with ${NAME} (${EMAIL}, ${PHONE}); Wvblurp was clear`;
  db.update(s.stageHistory).set({ note: mention }).where(inArray(s.stageHistory.applicationId, appIds)).run();
  db.update(s.applications).set({ exitNote: mention }).where(inArray(s.applications.id, appIds)).run();
  const interviewIds = db
    .select({ id: s.interviews.id })
    .from(s.interviews)
    .where(inArray(s.interviews.applicationId, appIds))
    .all()
    .map((i) => i.id);
  const cardIds = db
    .select({ id: s.scorecards.id })
    .from(s.scorecards)
    .where(inArray(s.scorecards.interviewId, interviewIds))
    .all()
    .map((c) => c.id);
  db.update(s.scorecards).set({ keyTakeaways: mention }).where(inArray(s.scorecards.id, cardIds)).run();
  db.update(s.scorecardRatings)
    .set({ evidence: `Xqzmarker built the eval harness` })
    .where(inArray(s.scorecardRatings.scorecardId, cardIds))
    .run();
  db.insert(s.complianceChecks)
    .values({
      type: "background_check",
      applicationId: appIds[0],
      status: "verified",
      evidenceRef: "XQ5-evidence",
      detail: "XQ6-findings",
    })
    .onConflictDoUpdate({
      target: [s.complianceChecks.applicationId, s.complianceChecks.type],
      targetWhere: isNotNull(s.complianceChecks.applicationId),
      set: { evidenceRef: "XQ5-evidence", detail: "XQ6-findings" },
    })
    .run();
  const check = db
    .select()
    .from(s.complianceChecks)
    .where(and(eq(s.complianceChecks.applicationId, appIds[0]), eq(s.complianceChecks.type, "background_check")))
    .get()!;
  db.insert(s.complianceHistory)
    .values({
      checkId: check.id,
      status: "verified",
      changedAt: new Date(),
      snapshot: { evidenceRef: "XQ5-evidence", detail: "XQ6-findings", rationale: mention },
    })
    .run();
  db.insert(s.takeHomes)
    .values({
      applicationId: appIds[0],
      title: "Eval harness",
      instructions: `Hi ${NAME}, build it`,
      timeBoxHours: 4,
      dueOn: "2026-01-10",
      status: "submitted",
      submissionUrl: "https://example.com/XQ7-submission",
      alias: "Candidate K",
    })
    .run();
  return appIds;
}

/** The figures the role's rollup shows, without the erased person's own name and pay. */
function figures(roleId: number, now: Date) {
  const r = computeRoleRollup(roleId, now)!;
  return {
    funnel: r.funnel,
    agreement: r.agreement,
    due: r.scorecardsDue,
    submitted: r.scorecardsSubmitted,
    rows: r.rows.map((row) => ({
      id: row.id,
      stage: row.stage,
      weightedTotal: row.weightedTotal,
      areas: row.areas,
      maxSpread: row.maxSpread,
      scorecards: row.scorecards,
      mustPass: row.mustPass,
      tally: row.tally,
      decision: row.decision ? row.decision.outcome : null,
    })),
  };
}

const rawFiles = () => {
  const path = process.env.DATABASE_PATH!;
  return [path, `${path}-wal`].filter(existsSync).map((f) => readFileSync(f));
};

describe("erasing a candidate", () => {
  it("leaves no trace of them in any table, the database file or its WAL, and every rollup figure as it was", () => {
    const now = new Date();
    const { candidateId, roleId } = pickClosedCandidate();
    plantMarkers(candidateId);
    const before = figures(roleId, now);
    const bytesBefore = Buffer.concat(rawFiles()).toString("latin1");
    expect(bytesBefore).toContain("Xqzmarker");
    const priyaViewer = { id: userIdByEmail("priya@northwind.test"), kind: "recruiter" as const };
    expect(searchCandidates(priyaViewer, { query: "Xqzmarker", page: 1 }).total).toBe(1);
    getDb().$client.exec(
      "create virtual table if not exists temp.fts_terms using fts5vocab(main, candidates_fts, 'row')",
    );
    const termsBefore = getDb()
      .$client.prepare("select term from temp.fts_terms where term in ('xqzmarker', 'wvblurp')")
      .all();
    expect(termsBefore).toHaveLength(2);

    const priya = userIdByEmail("priya@northwind.test");
    // The subject-access export holds every planted marker, and is logged.
    const exported = JSON.stringify(exportCandidateData(candidateId, priya, now));
    for (const marker of markers.filter((m) => m !== "5550137788")) expect(exported).toContain(marker);
    const result = eraseCandidate({ candidateId, actorId: priya, reason: `${NAME} asked by email`, now });
    expect(result).toEqual({ ok: true });

    const after = figures(roleId, now);
    expect(after).toEqual(before);
    const row = getDb().select().from(s.candidates).where(eq(s.candidates.id, candidateId)).get()!;
    expect(row.name).toBe(`Erased candidate #${candidateId}`);
    expect(row.erasureReason).toBe(`${ERASED_MARKER} asked by email`);
    expect(row.emailHash).toBe(emailFingerprint(EMAIL));
    expect(row.payAmount).toBeNull();

    // Every table, read back through SQL.
    const client = getDb().$client;
    const tables = (client.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[])
      .map((t) => t.name)
      .filter((t) => !t.startsWith("sqlite_"));
    for (const table of tables) {
      const dump = JSON.stringify(client.prepare(`select * from "${table}"`).all());
      for (const marker of markers) expect(dump, `${table} still holds ${marker}`).not.toContain(marker);
    }
    const exportedAfter = JSON.stringify(exportCandidateData(candidateId, priya, now));
    for (const marker of markers) expect(exportedAfter).not.toContain(marker);
    // The audit entry names the actor and a masked name only.
    const entry = client
      .prepare("select * from audit_events where action = 'candidate.erase' order by id desc limit 1")
      .get() as { actor_id: number; detail: string; subject_id: number };
    expect(entry).toMatchObject({ actor_id: priya, subject_id: candidateId });
    expect(JSON.parse(entry.detail)).toEqual({ maskedName: "X***" });

    // The raw bytes: the database file and the write-ahead log.
    const raw = Buffer.concat(rawFiles()).toString("latin1");
    for (const marker of markers.filter((m) => /^[\x20-\x7e]+$/.test(m)))
      expect(raw.includes(marker), `the raw file still holds ${marker}`).toBe(false);
    // The search index stores its words folded to lower case: neither the index nor its pages keep them.
    expect(searchCandidates(priyaViewer, { query: "Xqzmarker", page: 1 }).total).toBe(0);
    const terms = client
      .prepare("select term from temp.fts_terms where term in ('xqzmarker', 'wvblurp', 'marker77')")
      .all();
    expect(terms, "the search index still holds their words").toEqual([]);
    const folded = raw.toLowerCase();
    for (const token of ["xqzmarker", "wvblurp", "marker77"])
      expect(folded.includes(token), `the raw file still holds the token ${token}`).toBe(false);
  });

  it("refuses a candidate with an open application, an open offer or a legal hold, saying why, and changes nothing", () => {
    const db = getDb();
    const open = db
      .select({ candidateId: s.applications.candidateId, stage: s.applications.stage })
      .from(s.applications)
      .where(and(isNotNull(s.applications.candidateId), eq(s.applications.stage, "interviewing")))
      .get()!;
    const before = db.select().from(s.candidates).where(eq(s.candidates.id, open.candidateId!)).get();
    const refused = eraseCandidate({ candidateId: open.candidateId!, actorId: null, reason: "asked", now: new Date() });
    expect(refused).toMatchObject({ ok: false, reason: "refused" });
    expect((refused as { message: string }).message).toMatch(/open application/);
    expect(db.select().from(s.candidates).where(eq(s.candidates.id, open.candidateId!)).get()).toEqual(before);

    const { candidateId } = pickClosedCandidate();
    db.insert(s.candidateHolds)
      .values({ candidateId, reason: "Litigation hold", until: "2099-01-01", createdAt: new Date() })
      .run();
    const held = eraseCandidate({ candidateId, actorId: null, reason: "asked", now: new Date() });
    expect((held as { message: string }).message).toMatch(/legal hold .* until 2099-01-01: Litigation hold/);
    expect(eraseCandidate({ candidateId: 999_999, actorId: null, reason: "x", now: new Date() })).toEqual({
      ok: false,
      reason: "not-found",
    });
  });

  it("through the page: HR types the name to confirm; a wrong name is refused next to the field with nothing written", async () => {
    const { candidateId } = pickClosedCandidate();
    const name = getDb().select().from(s.candidates).where(eq(s.candidates.id, candidateId)).get()!.name;
    const hr = await cookieFor("priya@northwind.test");
    const params = { candidateId: String(candidateId) };
    const page = await invoke(erasePage.loader, get(`/candidates/${candidateId}/erase`, hr), params);
    expect(page.data).toMatchObject({ id: candidateId, name, refusal: null });

    const changes = totalChanges();
    const wrong = await invoke(
      erasePage.action,
      post(
        `/candidates/${candidateId}/erase`,
        { reason: "Asked by email on 2026-12-01", confirmName: "someone else" },
        { cookie: hr },
      ),
      params,
    );
    expect(wrong.status).toBe(400);
    expect((wrong.data as { fieldErrors: Record<string, string[]> }).fieldErrors.confirmName[0]).toMatch(
      /Type the candidate's name/,
    );
    expect(totalChanges()).toBe(changes);

    const interviewer = await cookieFor("sam@northwind.test");
    expect(
      (
        await invoke(
          erasePage.action,
          post(`/candidates/${candidateId}/erase`, { reason: "x", confirmName: name }, { cookie: interviewer }),
          params,
        )
      ).status,
    ).toBe(403);

    const done = await invoke(
      erasePage.action,
      post(
        `/candidates/${candidateId}/erase`,
        { reason: "Asked by email on 2026-12-01", confirmName: name.toUpperCase() },
        { cookie: hr },
      ),
      params,
    );
    expect(done).toMatchObject({ status: 302, location: `/candidates/${candidateId}?saved=erased` });
    expect(getDb().select().from(s.candidates).where(eq(s.candidates.id, candidateId)).get()!.name).toBe(
      `Erased candidate #${candidateId}`,
    );
    const again = await invoke(erasePage.loader, get(`/candidates/${candidateId}/erase`, hr), params);
    expect((again.data as { refusal: string }).refusal).toMatch(/already been erased/);
  });

  it("shows the erased person as erased, with nothing to edit, and recognises a re-application by the same email", async () => {
    const { candidateId } = pickClosedCandidate();
    const email = getDb().select().from(s.candidates).where(eq(s.candidates.id, candidateId)).get()!.email;
    const priya = userIdByEmail("priya@northwind.test");
    expect(eraseCandidate({ candidateId, actorId: priya, reason: "Asked by email", now: new Date() })).toEqual({
      ok: true,
    });
    const hr = await cookieFor("priya@northwind.test");
    const params = { candidateId: String(candidateId) };
    const shown = await invoke(candidatePage.loader, get(`/candidates/${candidateId}`, hr), params);
    const data = shown.data as Record<string, unknown> & { candidate: Record<string, unknown> };
    expect(data).toMatchObject({ erased: true, canEdit: false, canErase: false, canExport: true });
    expect(data.candidate).not.toHaveProperty("emailHash");
    expect(data.candidate).not.toHaveProperty("erasureReason");
    expect(JSON.stringify(data)).not.toContain(email);
    const edit = await invoke(editPage.loader, get(`/candidates/${candidateId}/edit`, hr), params).catch(
      (e: Response) => e,
    );
    expect((edit as { status: number }).status).toBe(409);

    // The same person applies again: recognised as a re-application, and nothing more is known.
    const created = await invoke(
      newCandidate.action,
      post(
        "/candidates/new",
        {
          name: "Returning Person",
          email: email.toUpperCase(),
          engagementType: "full_time",
          source: "inbound",
          payCurrency: "USD",
        },
        { cookie: hr },
      ),
    );
    expect(created.status).toBe(302);
    const newId = Number(created.location!.match(/\/candidates\/(\d+)/)![1]);
    const again = await invoke(candidatePage.loader, get(`/candidates/${newId}`, hr), { candidateId: String(newId) });
    expect((again.data as { erasedPredecessor: { id: number } | null }).erasedPredecessor).toMatchObject({
      id: candidateId,
    });
  });
});
