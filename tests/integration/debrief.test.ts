// The debrief and the comparison's evidence: the hiring manager reads every
// word the panel wrote; a panelist who still owes a scorecard for the
// candidate gets none of them from any page, data request or CSV they can
// reach, until they submit. Unique markers are planted and grepped for.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignTakeHome, saveGrade } from "~/models/take-home.server";
import * as scheduleRoute from "~/routes/applications.$applicationId.interviews.new";
import * as debriefRoute from "~/routes/applications.$applicationId.debrief";
import * as scorecardRoute from "~/routes/interviews.$interviewId.scorecard";
import * as compareRoute from "~/routes/roles.$roleId.compare";
import * as compareCsv from "~/routes/roles.$roleId.compare[.csv]";
import { getDb, schema } from "~/utils/db.server";
import { cookieFor, firstUnplacedCandidate, get, invoke, post, roleIdByTitle, userIdByEmail } from "../support/http";
import { expectedMatrix } from "../support/route-matrix";
import { routes, sample } from "../support/routes";

const m = {
  evidenceJordan: "MKR-EVID-JORDAN-5521",
  originalJordan: "MKR-ORIG-JORDAN-4410",
  weakJordan: "MKR-WEAK-JORDAN-6632",
  takeawayJordan: "MKR-TAKE-JORDAN-7743",
  amendJordan: "MKR-AMEND-JORDAN-8854",
  evidenceDana: "MKR-EVID-DANA-1187",
  takeawayDana: "MKR-TAKE-DANA-2298",
  noteJordan: "MKR-NOTE-JORDAN-3309",
  noteDana: "MKR-NOTE-DANA-9910",
};
/** Markers the comparison carries (it shows the scorecards as they stand, not the original before an amendment). */
const onComparison = [
  m.evidenceJordan,
  m.weakJordan,
  m.takeawayJordan,
  m.amendJordan,
  m.evidenceDana,
  m.takeawayDana,
  m.noteJordan,
  m.noteDana,
];
const all = Object.values(m);

const SAM = "sam@northwind.test";
const JORDAN = "jordan@northwind.test";
const DANA = "dana@northwind.test";
const db = () => getDb();
const copilot = () => roleIdByTitle("Senior AI Engineer, Support Copilot");
const ids: { application: number; candidate: number; screen: number; deep: number; takeHome: number; other: number } = {
  application: 0,
  candidate: 0,
  screen: 0,
  deep: 0,
  takeHome: 0,
  other: 0,
};
const cookies = new Map<string, string>();
async function cookie(email: string) {
  if (!cookies.has(email)) cookies.set(email, await cookieFor(email));
  return cookies.get(email)!;
}

async function schedule(kind: string, panel: string[], focus: string[]) {
  const out = await invoke(
    scheduleRoute.action,
    post(
      `/applications/${ids.application}/interviews/new`,
      {
        kind,
        startsAt: "2026-11-20T10:00",
        confirmPast: "on",
        durationMinutes: "60",
        panelIds: panel.map((e) => String(userIdByEmail(e))),
        focusAreas: focus,
        tzOffset: "0",
      },
      { cookie: await cookie(DANA) },
    ),
    { applicationId: String(ids.application) },
  );
  expect(out.status).toBe(302);
  return Number(out.location!.match(/\/interviews\/(\d+)/)![1]);
}

async function scorecard(interviewId: number, email: string, fields: Record<string, string | string[]>) {
  const out = await invoke(
    scorecardRoute.action,
    post(`/interviews/${interviewId}/scorecard`, fields, { cookie: await cookie(email) }),
    { interviewId: String(interviewId) },
  );
  expect(out.status, JSON.stringify(out.data)).toBe(302);
}

const jordanCard = (evidence: string, evalsRating: string) => ({
  rating_production_systems: "2",
  evidence_production_systems: evidence,
  rating_evals: evalsRating,
  evidence_evals: "Would check outputs by eye",
  weakSignals: [`evals:${m.weakJordan}`],
  keyTakeaways: m.takeawayJordan,
  recommendation: "no",
});

beforeAll(async () => {
  const candidate = firstUnplacedCandidate();
  ids.candidate = candidate.id;
  ids.application = db()
    .insert(schema.applications)
    .values({ roleId: copilot(), candidateId: candidate.id, stage: "final", stageChangedAt: new Date() })
    .returning()
    .get().id;
  ids.other = db()
    .select()
    .from(schema.applications)
    .all()
    .find((a) => a.roleId === copilot() && a.stage === "final" && a.id !== ids.application)!.id;
  // Jordan screens alone; Sam and Dana sit the deep dive, where Sam's scorecard stays owed.
  ids.screen = await schedule("screen", [JORDAN], ["production_systems", "evals"]);
  ids.deep = await schedule("technical_deep_dive", [SAM, DANA], ["production_systems", "evals"]);
  await scorecard(ids.screen, JORDAN, { intent: "submit", ...jordanCard(m.originalJordan, "1") });
  const version = db().select().from(schema.scorecards).where(eq(schema.scorecards.interviewId, ids.screen)).get()!
    .version;
  await scorecard(ids.screen, JORDAN, {
    intent: "amend",
    version: String(version),
    amendReason: m.amendJordan,
    ...jordanCard(m.evidenceJordan, "1"),
  });
  await scorecard(ids.deep, DANA, {
    intent: "submit",
    rating_production_systems: "4",
    evidence_production_systems: m.evidenceDana,
    rating_evals: "4",
    keyTakeaways: m.takeawayDana,
    recommendation: "strong_yes",
  });
  ids.takeHome = assignTakeHome({
    applicationId: ids.application,
    values: {
      title: "Fix a failing RAG workflow",
      instructions: "Diagnose it.",
      materialsUrl: null,
      timeBoxHours: 4,
      dueOn: "2026-11-25",
      paid: false,
      amount: null,
      currency: "USD",
      anonymous: true,
      graderIds: [userIdByEmail(JORDAN), userIdByEmail(DANA)],
    },
    actorId: userIdByEmail(DANA),
  });
  db()
    .update(schema.takeHomes)
    .set({ status: "submitted", submittedAt: new Date() })
    .where(eq(schema.takeHomes.id, ids.takeHome))
    .run();
});

async function gradeAll() {
  const values = {
    diagnosis: 3,
    evalPlan: 2,
    architecture: 3,
    monitoring: 2,
    costControl: 3,
    notBuilding: 3,
    outcomesReached: 7,
    costCeilingRespected: true,
    securityRespected: false,
    hoursReported: 4,
  };
  expect(
    saveGrade({
      takeHomeId: ids.takeHome,
      graderId: userIdByEmail(JORDAN),
      version: null,
      submit: true,
      values: { ...values, notes: m.noteJordan },
    }).ok,
  ).toBe(true);
  expect(
    saveGrade({
      takeHomeId: ids.takeHome,
      graderId: userIdByEmail(DANA),
      version: null,
      submit: true,
      values: { ...values, notes: m.noteDana },
    }).ok,
  ).toBe(true);
}

const text = (data: unknown) => (typeof data === "string" ? data : JSON.stringify(data));
const compareQuery = () => `ids=${ids.application}&ids=${ids.other}`;

/**
 * Every loader a user can reach, pointed at this application, its interviews,
 * take-home, candidate and role where the route names one.
 */
async function everyLoader(email: string): Promise<{ routeId: string; status: number; body: string }[]> {
  const role = String(copilot());
  const own: Record<string, { path: string; params: Record<string, string> }[]> = {
    "routes/applications.$applicationId._index": [
      { path: `/applications/${ids.application}`, params: { applicationId: String(ids.application) } },
    ],
    "routes/applications.$applicationId.debrief": [
      { path: `/applications/${ids.application}/debrief`, params: { applicationId: String(ids.application) } },
    ],
    "routes/applications.$applicationId.checks": [
      { path: `/applications/${ids.application}/checks`, params: { applicationId: String(ids.application) } },
    ],
    "routes/applications.$applicationId.interviews.new": [
      { path: `/applications/${ids.application}/interviews/new`, params: { applicationId: String(ids.application) } },
    ],
    "routes/applications.$applicationId.take-homes.new": [
      { path: `/applications/${ids.application}/take-homes/new`, params: { applicationId: String(ids.application) } },
    ],
    "routes/candidates.$candidateId._index": [
      { path: `/candidates/${ids.candidate}`, params: { candidateId: String(ids.candidate) } },
    ],
    "routes/candidates.$candidateId.edit": [
      { path: `/candidates/${ids.candidate}/edit`, params: { candidateId: String(ids.candidate) } },
    ],
    "routes/interviews.$interviewId._index": [ids.screen, ids.deep].map((i) => ({
      path: `/interviews/${i}`,
      params: { interviewId: String(i) },
    })),
    "routes/interviews.$interviewId.scorecard": [ids.screen, ids.deep].map((i) => ({
      path: `/interviews/${i}/scorecard`,
      params: { interviewId: String(i) },
    })),
    "routes/take-homes.$takeHomeId._index": [
      { path: `/take-homes/${ids.takeHome}`, params: { takeHomeId: String(ids.takeHome) } },
    ],
    "routes/take-homes.$takeHomeId.grade": [
      { path: `/take-homes/${ids.takeHome}/grade`, params: { takeHomeId: String(ids.takeHome) } },
    ],
    "routes/roles.$roleId.compare": [{ path: `/roles/${role}/compare?${compareQuery()}`, params: { roleId: role } }],
    "routes/roles.$roleId.compare[.csv]": ["", "&evidence=1"].map((x) => ({
      path: `/roles/${role}/compare.csv?${compareQuery()}${x}`,
      params: { roleId: role },
    })),
  };
  const out: { routeId: string; status: number; body: string }[] = [];
  for (const routeId of Object.keys(expectedMatrix)) {
    const loader = routes[routeId].loader;
    if (!loader) continue;
    for (const { path, params } of own[routeId] ?? [sample(routeId)]) {
      const result = await invoke(loader, get(path, await cookie(email)), params);
      out.push({ routeId: `${routeId} ${path}`, status: result.status, body: text(result.data) });
    }
  }
  return out;
}

async function debriefData(email: string) {
  return invoke(debriefRoute.loader, get(`/applications/${ids.application}/debrief`, await cookie(email)), {
    applicationId: String(ids.application),
  });
}

describe("the debrief, blind feedback and the comparison's evidence", () => {
  it("keeps the application out of reach of a grader while grading is anonymous", async () => {
    const out = await debriefData(JORDAN);
    expect(out.status).toBe(403);
    expect(text(out.data)).not.toContain(m.evidenceDana);
  });

  it("gives the hiring manager every word: the debrief, the comparison's data and its CSV with evidence", async () => {
    await gradeAll();
    const debrief = await debriefData(DANA);
    expect(debrief.status).toBe(200);
    for (const marker of all) expect(text(debrief.data), marker).toContain(marker);
    const data = debrief.data as { debrief: { open: boolean; flags: { disagreements: { key: string }[] } } };
    // Jordan rated evals 1, Dana 4: a disagreement the summary lists first.
    expect(data.debrief.flags.disagreements.map((d) => d.key)).toContain("evals");

    const role = String(copilot());
    const page = await invoke(
      compareRoute.loader,
      get(`/roles/${role}/compare?${compareQuery()}`, await cookie(DANA)),
      { roleId: role },
    );
    for (const marker of onComparison) expect(text(page.data), marker).toContain(marker);
    const csv = await invoke(
      compareCsv.loader,
      get(`/roles/${role}/compare.csv?${compareQuery()}&evidence=1`, await cookie(DANA)),
      { roleId: role },
    );
    expect(csv.status).toBe(200);
    for (const marker of onComparison) expect(text(csv.data), marker).toContain(marker);
    expect(text(csv.data)).toContain("Production systems: evidence");
    // Without the option the CSV stays figures only.
    const plain = await invoke(
      compareCsv.loader,
      get(`/roles/${role}/compare.csv?${compareQuery()}`, await cookie(DANA)),
      { roleId: role },
    );
    for (const marker of all) expect(text(plain.data), marker).not.toContain(marker);
  });

  it("sends a panelist who owes their scorecard none of the panel's words, from any page, data or CSV", async () => {
    const responses = await everyLoader(SAM);
    const reachable = responses.filter((r) => r.status === 200).map((r) => r.routeId.split(" ")[0]);
    expect(reachable).toEqual(
      expect.arrayContaining([
        "routes/applications.$applicationId.debrief",
        "routes/applications.$applicationId._index",
        "routes/roles.$roleId.compare",
        "routes/roles.$roleId.compare[.csv]",
        "routes/interviews.$interviewId.scorecard",
      ]),
    );
    for (const { routeId, body } of responses) {
      for (const marker of all) expect(body, `${routeId} leaked ${marker}`).not.toContain(marker);
    }
    const debrief = await debriefData(SAM);
    expect(debrief.data).toMatchObject({ debrief: { open: false, seatsOwed: 1 }, owed: [ids.deep] });
  });

  it("opens the debrief to them once their scorecard is in", async () => {
    await scorecard(ids.deep, SAM, {
      intent: "submit",
      rating_production_systems: "3",
      rating_evals: "na",
      keyTakeaways: "Solid",
      recommendation: "yes",
    });
    const debrief = await debriefData(SAM);
    expect(debrief.status).toBe(200);
    for (const marker of all) expect(text(debrief.data), marker).toContain(marker);
    const role = String(copilot());
    const csv = await invoke(
      compareCsv.loader,
      get(`/roles/${role}/compare.csv?${compareQuery()}&evidence=1`, await cookie(SAM)),
      { roleId: role },
    );
    for (const marker of onComparison) expect(text(csv.data), marker).toContain(marker);
  });

  it("closes the debrief to a team interviewer off the panel, and to anyone off the team", async () => {
    const candidate = firstUnplacedCandidate();
    const first = ids.application;
    ids.application = db()
      .insert(schema.applications)
      .values({ roleId: copilot(), candidateId: candidate.id, stage: "interviewing", stageChangedAt: new Date() })
      .returning()
      .get().id;
    const screen = await schedule("screen", [JORDAN], ["evals"]);
    ids.application = first;
    await scorecard(screen, JORDAN, {
      intent: "submit",
      rating_evals: "3",
      evidence_evals: "MKR-OFFPANEL-1234",
      recommendation: "yes",
    });
    const app = String(
      db().select().from(schema.interviews).where(eq(schema.interviews.id, screen)).get()!.applicationId,
    );
    const sam = await invoke(debriefRoute.loader, get(`/applications/${app}/debrief`, await cookie(SAM)), {
      applicationId: app,
    });
    expect(sam.status).toBe(200);
    expect(sam.data).toMatchObject({ debrief: { open: false, seatsOwed: 0 }, owed: [] });
    expect(text(sam.data)).not.toContain("MKR-OFFPANEL-1234");
    const dana = await invoke(debriefRoute.loader, get(`/applications/${app}/debrief`, await cookie(DANA)), {
      applicationId: app,
    });
    expect(text(dana.data)).toContain("MKR-OFFPANEL-1234");
    const riley = await invoke(
      debriefRoute.loader,
      get(`/applications/${app}/debrief`, await cookie("riley@northwind.test")),
      { applicationId: app },
    );
    expect(riley.status).toBe(403);
  });
});
