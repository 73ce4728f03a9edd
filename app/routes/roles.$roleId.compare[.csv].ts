import type { LoaderFunctionArgs } from "@remix-run/node";
import Papa from "papaparse";
import { stageLabels } from "~/domain/pipeline";
import { applicationEngagementLabels, type ApplicationEngagement } from "~/domain/reference";
import {
  hiddenScoresLabels,
  mustPassNote,
  ratingsByInterviewer,
  recommendationLabels,
  recommendations,
} from "~/domain/scorecard";
import { missingCheckText } from "~/domain/compliance";
import { coversText, WORK_HOURS_PER_YEAR } from "~/domain/cost";
import { getComparison, parseCompareIds } from "~/models/compare.server";
import { recordAudit } from "~/models/audit.server";
import { authorizeUser } from "~/utils/authorize.server";
import { decisionCell } from "~/domain/decision";
import { safeCell } from "~/utils/csv";
import { compareCell, weightedAsNote } from "~/domain/compare";
import { evidenceCellText } from "~/domain/debrief";
import { takeHomeFactCsv, takeHomeFacts, takeHomeProgress, takeHomeResult } from "~/domain/take-home";

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/roles.$roleId.compare[.csv]", "loader");
  const result = getComparison({
    roleId: Number(args.params.roleId),
    ids: parseCompareIds(new URL(args.request.url)),
    viewer: user,
    teamRole,
  });
  if (!result) throw new Response("Role not found", { status: 404 });
  const c = result.candidates;
  const withEvidence = new URL(args.request.url).searchParams.get("evidence") === "1";
  const rows = [
    ...factRows(c),
    ...agencyRows(c, result.seesAgencies),
    ...areaRows(result.areas, c, withEvidence),
    ...scoreRows(c),
    ...(withEvidence ? wordsRows(c) : []),
    ...takeHomeRows(c),
    ...(result.seesCompliance ? [complianceRow(c)] : []),
    ...(result.seesCost ? costRows(result) : []),
  ];
  const csv = Papa.unparse(rows);
  // Logged with what was exported, never its contents: the report, how many people, which role.
  recordAudit({
    actorId: user.id,
    action: "csv.export",
    subject: { type: "role", id: result.role.id },
    roleId: result.role.id,
    detail: { report: withEvidence ? "compare_evidence" : "compare", rows: c.length, format: "csv" },
  });
  const title = `${withEvidence ? "evidence-" : ""}${result.role.title}`;
  const name = title
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  return new Response(`\uFEFF${csv}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="compare-${name}.csv"`,
    },
  });
}

type Comparison = NonNullable<ReturnType<typeof getComparison>>;

/** A row of the CSV: its label, then a cell per candidate, each made safe for spreadsheets. */
const row = (label: string, cells: (string | number | null)[]) => [label, ...cells].map(safeCell);

/** The names, then who each one is: stage, engagement, availability, decision. */
function factRows(c: Candidate[]) {
  return [
    row(
      "",
      c.map((x) => x.name),
    ),
    row(
      "Stage",
      c.map((x) => stageLabels[x.stage]),
    ),
    row(
      "Engagement",
      c.map((x) => applicationEngagementLabels[x.engagement as ApplicationEngagement] ?? x.engagement),
    ),
    row(
      "Available from",
      c.map((x) => x.availableFrom),
    ),
    row(
      "Decision",
      c.map((x) => decisionCell(x.decision)),
    ),
  ];
}

/** Which agency placed each person or bids, and (for those who may read agencies) its vetting at a glance. */
function agencyRows(c: Candidate[], seesAgencies: boolean) {
  if (!c.some((x) => x.agency)) return [];
  return [
    row(
      "Agency",
      c.map((x) =>
        x.agency ? `${x.agency.relation === "placed" ? "placed by" : "bid by"} ${x.agency.name}` : "direct",
      ),
    ),
    ...(seesAgencies
      ? [
          row(
            "Agency vetting",
            c.map((x) => x.agency?.vetting?.text ?? ""),
          ),
        ]
      : []),
  ];
}

/** A row per area: its average, range and each interviewer's rating; with evidence, the evidence right under it. */
function areaRows(areas: Comparison["areas"], c: Candidate[], withEvidence: boolean) {
  return areas.flatMap((a) => [
    row(
      `${a.name} (weight ${a.weight}${a.knockout ? ", must pass" : ""}${a.earlier ? ", earlier template" : ""})`,
      c.map((x) => {
        const cell = compareCell(x, a);
        if (cell.kind === "note") return cell.text;
        const s = cell.area;
        const weighed = cell.weightedAs !== null ? `; ${weightedAsNote(cell.weightedAs)}` : "";
        if (s.average === null) return `not assessed${weighed}`;
        return `${s.average} (${s.min}-${s.max}; ${ratingsByInterviewer(s.ratings).join(", ")}${weighed})`;
      }),
    ),
    // Right under the area's figures: one cell per candidate, a line per interviewer.
    ...(withEvidence
      ? [
          row(
            `${a.name}: evidence`,
            c.map((x) => evidenceCell(x, a.key)),
          ),
        ]
      : []),
  ]);
}

/** The total, its arithmetic, the must-pass flags and the recommendations. A score the viewer may not see yet says why, in every row that would show it. */
function scoreRows(c: Candidate[]) {
  return [
    row(
      "Weighted total",
      c.map((x) => (x.scoresHidden ? hiddenScoresLabels[x.scoresHidden] : x.summary.weightedTotal)),
    ),
    row(
      "Scorecards submitted",
      c.map((x) => (x.scoresHidden ? hiddenScoresLabels[x.scoresHidden] : x.summary.scorecards)),
    ),
    row(
      "Arithmetic",
      c.map((x) =>
        x.scoresHidden || x.summary.weightedTotal === null
          ? ""
          : `(${x.summary.arithmetic.counted.map((k) => `${k.weight}x${k.average}`).join(" + ")}) / ${x.summary.arithmetic.weightSum}`,
      ),
    ),
    row(
      "Must-pass flags",
      c.map((x) =>
        x.scoresHidden ? hiddenScoresLabels[x.scoresHidden] : x.summary.knockouts.join("; ") || mustPassNote(x.summary),
      ),
    ),
    row(
      "Recommendations",
      c.map((x) =>
        x.scoresHidden
          ? hiddenScoresLabels[x.scoresHidden]
          : recommendations
              .filter((r) => x.summary.tally[r])
              .map((r) => `${x.summary.tally[r]} ${recommendationLabels[r]}`)
              .join("; "),
      ),
    ),
  ];
}

/** The take-home's status and overall, then each deliverable, the outcomes, the constraints and the hours: one row each, the same rows for every candidate. */
function takeHomeRows(c: Candidate[]) {
  const rubric = c.map((x) => (x.takeHome ? takeHomeFacts(x.takeHome.result).map(takeHomeFactCsv) : null));
  return [
    row(
      "Take-home status",
      c.map((x) =>
        x.scoresHidden
          ? hiddenScoresLabels[x.scoresHidden]
          : x.takeHome
            ? takeHomeProgress(x.takeHome.status, x.takeHome.result.graders, x.takeHome.graders)
            : "none set",
      ),
    ),
    row(
      "Take-home overall (of 4)",
      c.map((x) => (x.scoresHidden ? hiddenScoresLabels[x.scoresHidden] : (x.takeHome?.result.overall ?? ""))),
    ),
    ...takeHomeFacts(takeHomeResult([])).map((blank, i) =>
      row(
        takeHomeFactCsv(blank).label,
        c.map((x, j) => (x.scoresHidden ? hiddenScoresLabels[x.scoresHidden] : (rubric[j]?.[i].value ?? ""))),
      ),
    ),
  ];
}

function complianceRow(c: Candidate[]) {
  return row(
    "Compliance",
    c.map((x) =>
      x.missingChecks === null
        ? ""
        : x.missingChecks.length
          ? `not cleared: ${x.missingChecks.map(missingCheckText).join("; ")}`
          : "complete",
    ),
  );
}

function costRows(result: Comparison) {
  const c = result.candidates;
  return [
    row(
      `Estimated first-year cost (${result.role.currency})`,
      c.map((x) => x.cost?.total ?? x.cost?.missing ?? ""),
    ),
    row(
      "Priced as",
      c.map((x) => x.cost?.pricedAs ?? ""),
    ),
    row(
      "Cost covers",
      c.map((x) =>
        x.cost?.covers && result.assumptions ? coversText(x.cost.covers, result.assumptions.expectedHours) : "",
      ),
    ),
    row(
      `Full year (${WORK_HOURS_PER_YEAR} h) at the hourly rate (${result.role.currency})`,
      c.map((x) => (x.cost?.covers === "hours" ? (x.cost.fullYear ?? "") : "")),
    ),
    ...(result.costNote ? [row("Cost note", [result.costNote.text])] : []),
  ];
}

type Candidate = Comparison["candidates"][number];

/** Takeaways, amendment reasons and graders' notes: a line per interviewer or grader in each candidate's cell. */
function wordsRows(c: Candidate[]) {
  const per = (pick: (w: NonNullable<Candidate["words"]>) => string[]) =>
    c.map((x) => (x.words ? pick(x.words).join("\n") : hiddenText(x)));
  const takeaway = (k: NonNullable<Candidate["words"]>["cards"][number]) =>
    `${k.interviewer} (${recommendationLabels[k.recommendation]}): ${k.keyTakeaways ?? "no takeaways written"}`;
  return [
    row(
      "Takeaways",
      per((w) => w.cards.map(takeaway)),
    ),
    row(
      "Amendment reasons",
      per((w) => w.cards.flatMap((k) => k.amendments.map((r) => `${k.interviewer}: ${r}`))),
    ),
    row(
      "Take-home graders' notes",
      per((w) => w.graderNotes.map((g) => `${g.grader}: ${g.notes}`)),
    ),
  ];
}

/** Why a candidate's words are not shown, or nothing when there are none. */
const hiddenText = (x: Candidate) => (x.scoresHidden ? hiddenScoresLabels[x.scoresHidden] : "");

/** One area's evidence for one candidate: a line per interviewer. */
const evidenceCell = (x: Candidate, areaKey: string) =>
  x.words ? evidenceCellText(x.words.evidence[areaKey] ?? []) : hiddenText(x);
