// Engagement-model advice: turns the routing questions (and how soon the role
// must launch) into a suggested engagement model with the reasons shown. One
// pure rule: the role page runs it on the server, the role form in the browser
// as the questions are answered.
import {
  applicationEngagementLabels,
  engagementModelLabels,
  engagementModels,
  PERMANENT_HIRE_MODELS,
  type ApplicationEngagement,
  type EngagementModel,
} from "./reference";
import { DAY_MS } from "./dates";

export type RoutingAnswers = {
  qCustomModels: boolean | null;
  qHostedApis: boolean | null;
  qDataBlocker: boolean | null;
  qLongTermOwnership: boolean | null;
  qBoundedFeature: boolean | null;
  qInfraAdvantage: boolean | null;
  /** How many weeks the work is expected to run; null = not answered. */
  qExpectedWeeks: number | null;
  /** Whether someone inside owns the architecture and reviews the code; null = not answered. */
  qInternalOwner: boolean | null;
};

type YesNoQuestion = Exclude<keyof RoutingAnswers, "qExpectedWeeks">;

/** The six routing questions every role answers. */
export const routingQuestions: { field: YesNoQuestion; question: string }[] = [
  { field: "qCustomModels", question: "Will you serve custom-trained models in production?" },
  { field: "qHostedApis", question: "Is the work mostly calling hosted model APIs (LLM features, RAG, agents)?" },
  { field: "qDataBlocker", question: "Is data access, cleaning or lineage the main blocker today?" },
  {
    field: "qLongTermOwnership",
    question: "Does someone need to own monitoring, drift, evals, incidents and cost long term?",
  },
  { field: "qBoundedFeature", question: "Is the work a bounded feature with a clear outcome?" },
  { field: "qInfraAdvantage", question: "Is AI infrastructure your core product advantage?" },
];

/** The two questions that tell short, owned work (a freelancer's) from the rest. */
export const scopeQuestions = {
  qExpectedWeeks: "How many weeks do you expect the work to run?",
  qInternalOwner: "Does someone inside own the architecture and review the code?",
} as const;

/** A launch closer than this many days rules out waiting for a full-time hire (90-120 days). */
export const FAST_LAUNCH_DAYS = 60;
/** Freelance engagements run up to about this many weeks; contracts run 3-12 months. */
export const FREELANCE_MAX_WEEKS = 12;
/** Past this many weeks (a year) the work is a standing job, not an engagement. */
export const CONTRACT_MAX_WEEKS = 52;

export type Advice =
  | { status: "unanswered" }
  | {
      status: "advised";
      suggested: EngagementModel;
      /** Set when the suggestion is a first step (data engineer first) and another hire follows. */
      then: EngagementModel | null;
      alsoConsider: EngagementModel[];
      reasons: string[];
      notes: string[];
      /** Models a note warns against: never suggested, never listed as worth considering. */
      warnedAgainst: EngagementModel[];
      /** Of the suggestion, the next step and those worth considering, the ones the role does not consider. */
      outsideConsidered: EngagementModel[];
      scores: Record<EngagementModel, number>;
    };

type Contribution = { model: EngagementModel; points: number; reason: string };
/** What weighing the answers produced besides points: notes, and the models some note warns against. */
type Findings = { notes: string[]; warnedAgainst: Set<EngagementModel> };

// Ties go to the earlier model: the cheaper-to-reverse commitment first.
const tieBreakOrder: EngagementModel[] = [
  "ai_developer",
  "contractor",
  "agency",
  "full_time_ai_engineer",
  "ml_engineer",
  "freelancer",
  "data_engineer",
];

export function daysUntil(isoDate: string, today: Date): number {
  const target = Date.parse(`${isoDate}T00:00:00Z`);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((target - start) / DAY_MS);
}

/**
 * The freelancer rule: narrow, discrete, short work (up to 12 weeks: a research spike, one-off data work,
 * prompt or labelling tasks, a proof of concept) with someone inside who owns the architecture and reviews
 * the code. Nothing that must be owned long term, no open-ended scope, not the core infrastructure.
 */
export function freelancerFits(a: RoutingAnswers): boolean {
  return (
    a.qExpectedWeeks !== null &&
    a.qExpectedWeeks <= FREELANCE_MAX_WEEKS &&
    a.qInternalOwner === true &&
    a.qLongTermOwnership !== true &&
    a.qBoundedFeature !== false &&
    a.qInfraAdvantage !== true
  );
}

/** A model's label inside a sentence: "full-time AI engineer", "ML engineer". */
export const modelInSentence = (m: EngagementModel) => inSentence(engagementModelLabels[m]);

export function adviseEngagement(input: {
  answers: RoutingAnswers;
  launchDate: string | null;
  today: Date;
  /** The models the role considers; empty or absent means any. */
  considered?: readonly string[];
}): Advice {
  const { answers: a, launchDate, today } = input;
  const considered = input.considered ?? [];
  const daysToLaunch = launchDate ? daysUntil(launchDate, today) : null;
  const answeredCount = Object.values(a).filter((v) => v !== null).length;
  if (answeredCount === 0 && daysToLaunch === null) return { status: "unanswered" };

  const findings: Findings = { notes: [], warnedAgainst: new Set() };
  const notes = findings.notes;
  const contributions = weighAnswers(a, daysToLaunch, findings);
  const fits = freelancerFits(a);

  const scores = Object.fromEntries(engagementModels.map((m) => [m, 0])) as Record<EngagementModel, number>;
  for (const c of contributions) scores[c.model] += c.points;

  // Nothing a note warns against is ranked, and a freelancer only where the freelancer rule holds.
  const ranked = [...engagementModels]
    .filter((m) => m !== "data_engineer" && !findings.warnedAgainst.has(m) && (m !== "freelancer" || fits))
    .sort((x, y) => scores[y] - scores[x] || tieBreakOrder.indexOf(x) - tieBreakOrder.indexOf(y));
  const best = fits ? "freelancer" : ranked[0];
  const bestHasSignal = best !== undefined && scores[best] > 0;

  let suggested: EngagementModel;
  let then: EngagementModel | null = null;
  const reasons: string[] = [];

  if (a.qDataBlocker === true) {
    // Data is the blocker: a data engineer comes first whatever else is true.
    suggested = "data_engineer";
    scores.data_engineer = Math.max(...Object.values(scores)) + 1;
    reasons.push("Data access, cleaning or lineage is the blocker: hire a data engineer first, before model work.");
    then = bestHasSignal ? best : null;
  } else if (bestHasSignal) {
    suggested = best;
  } else {
    // Answers so far point nowhere in particular: the lowest-commitment default.
    suggested = "contractor";
    notes.push(
      "The answers so far do not point to one model; a short scoped engagement keeps options open. Answer the remaining questions for a firmer suggestion.",
    );
  }

  // The weightiest reasons first.
  const forSuggested = contributions.filter((c) => c.model === suggested && c.points > 0);
  for (const c of forSuggested.sort((x, y) => y.points - x.points)) reasons.push(c.reason);
  if (suggested === "freelancer" || then === "freelancer") {
    notes.push("Freelance work often overruns by about 30% through rework; budget for it.");
    notes.push("Losing a freelancer mid-project adds 6-8 weeks and $15-20K: keep the internal review close.");
  }

  const alsoConsider = consider(ranked, scores, suggested, then, a);
  unansweredNotes(a, notes);
  const outsideConsidered =
    considered.length === 0
      ? []
      : [suggested, ...(then ? [then] : []), ...alsoConsider].filter((m) => !considered.includes(m));
  const outsideNamed = [suggested, then].filter(
    (m): m is EngagementModel => m !== null && outsideConsidered.includes(m),
  );
  if (outsideNamed.length) {
    const names = outsideNamed.map(modelInSentence);
    notes.unshift(
      `${outsideNamed.length > 1 ? `Neither ${names.join(" nor ")} is` : `${capitalise(names[0])} is not`} among the models this role considers (${soughtText(considered)}): add ${outsideNamed.length > 1 ? "them" : "it"} there, or weigh the answers again.`,
    );
  }

  return {
    status: "advised",
    suggested,
    then,
    alsoConsider,
    reasons,
    notes,
    warnedAgainst: [...findings.warnedAgainst],
    outsideConsidered,
    scores,
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Up to two close runners-up; a full-time engineer always among them when someone must own the work long term. */
function consider(
  ranked: EngagementModel[],
  scores: Record<EngagementModel, number>,
  suggested: EngagementModel,
  then: EngagementModel | null,
  a: RoutingAnswers,
): EngagementModel[] {
  const top = scores[suggested];
  const close = ranked.filter((m) => m !== suggested && m !== then && scores[m] > 0 && scores[m] >= top - 2);
  const owner: EngagementModel = "full_time_ai_engineer";
  if (a.qLongTermOwnership === true && suggested !== owner && then !== owner && ranked.includes(owner))
    return [owner, ...close.filter((m) => m !== owner)].slice(0, 2);
  return close.slice(0, 2);
}

function unansweredNotes(a: RoutingAnswers, notes: string[]) {
  const open = routingQuestions.filter(({ field }) => a[field] === null).length;
  if (open > 0) notes.push(`${open} of ${routingQuestions.length} routing questions are unanswered.`);
  const scope = [
    a.qExpectedWeeks === null ? "how long the work runs" : null,
    a.qInternalOwner === null ? "whether someone inside owns the architecture" : null,
  ].filter((s): s is string => s !== null);
  if (scope.length)
    notes.push(`Not answered yet: ${scope.join(" and ")}. These decide whether a freelancer fits short, owned work.`);
}

/**
 * Whether an application is the kind of engagement its role seeks: a full-time
 * hire fits a role with a permanent model; a contractor, freelancer or
 * agency-placed contractor fits one seeking contractors, freelancers or an
 * agency; an agency's team bid fits one seeking an agency. A role that lists no
 * models takes anything. Lenient on purpose: it flags, it never refuses.
 */
export function engagementFits(roleModels: readonly string[], engagement: ApplicationEngagement): boolean {
  if (roleModels.length === 0) return true;
  if (engagement === "full_time") return roleModels.some((m) => PERMANENT_HIRE_MODELS.has(m));
  if (engagement === "agency_bid") return roleModels.includes("agency");
  return roleModels.some((m) => m === "contractor" || m === "freelancer" || m === "agency");
}

/** A label inside a sentence: first letter lowered, acronyms ("ML engineer") kept. */
const inSentence = (label: string) =>
  /^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);

/** What a role seeks, inside a sentence: "full-time AI engineer or contractor"; null when it lists no models. */
export function soughtText(roleModels: readonly string[]): string | null {
  const sought = roleModels.map((m) => inSentence(engagementModelLabels[m as EngagementModel] ?? m));
  if (sought.length === 0) return null;
  return sought.length > 1 ? `${sought.slice(0, -1).join(", ")} or ${sought.at(-1)}` : sought[0];
}

/** The note an application page shows when the engagement is not what the role seeks; null when it fits. */
export function engagementMismatch(roleModels: readonly string[], engagement: ApplicationEngagement): string | null {
  if (engagementFits(roleModels, engagement)) return null;
  const what = inSentence(applicationEngagementLabels[engagement]);
  return `Not what this role seeks: it seeks ${soughtText(roleModels)}, and this application is ${/^[aeiou]/.test(what) ? "an" : "a"} ${what}.`;
}

/** What each answer (and the launch date) says for or against each model; notes and warnings land in `findings`. */
function weighAnswers(a: RoutingAnswers, daysToLaunch: number | null, findings: Findings): Contribution[] {
  const contributions: Contribution[] = [];
  const add = (model: EngagementModel, points: number, reason: string) => contributions.push({ model, points, reason });
  const warn = (model: EngagementModel, note: string) => {
    findings.warnedAgainst.add(model);
    findings.notes.push(note);
  };

  if (a.qCustomModels === true) {
    add(
      "ml_engineer",
      3,
      "Custom models served in production need training pipelines, features and experiments: ML engineering.",
    );
    add("full_time_ai_engineer", 1, "Serving your own models is ongoing production work, not a one-off delivery.");
  }
  if (a.qCustomModels === false) {
    add("ml_engineer", -2, "No custom models to train or serve.");
  }
  if (a.qHostedApis === true) {
    add(
      "ai_developer",
      3,
      "The work is mostly hosted model APIs: LLM features, retrieval and agents, which an AI developer ships.",
    );
    if (a.qCustomModels !== true) warn("ml_engineer", "An ML engineer is the wrong hire for a plain LLM application.");
  }
  if (a.qLongTermOwnership === true) {
    // Outweighs "hosted APIs" on purpose: LLM feature builders are the wrong hire for deep MLOps ownership.
    add(
      "full_time_ai_engineer",
      4,
      "Someone has to own monitoring, drift, evals, incidents and cost after launch: that is a permanent role.",
    );
    if (a.qHostedApis === true)
      warn(
        "ai_developer",
        "Hire for production ownership, not only for building LLM features: an AI developer alone is the wrong hire for long-term MLOps.",
      );
  }
  if (a.qLongTermOwnership === false) {
    add("contractor", 1, "No long-term ownership is needed, so a time-boxed engagement fits.");
    add("agency", 1, "No long-term ownership is needed, so a delivery with a handover fits.");
  }
  if (a.qBoundedFeature === true) {
    add("contractor", 2, "A bounded feature with a clear outcome suits a senior contractor on a defined scope.");
    add(
      "agency",
      2,
      "A bounded feature with a clear outcome suits an agency pod delivering against acceptance criteria.",
    );
    add("freelancer", 1, "A small, well-scoped piece can go to a freelancer.");
  }
  if (a.qInfraAdvantage === true) {
    add("full_time_ai_engineer", 2, "AI infrastructure is your core advantage: keep that knowledge in-house.");
    add("ml_engineer", 1, "Owning the model stack as a product advantage calls for in-house ML depth.");
    add("agency", -2, "Core infrastructure should not live with a vendor.");
    findings.warnedAgainst.add("agency");
    findings.notes.push("AI infrastructure is your advantage: do not hand its core to an agency.");
  }
  weighScope(a, add, warn, findings);
  if (daysToLaunch !== null && daysToLaunch < FAST_LAUNCH_DAYS) {
    const when = daysToLaunch < 0 ? "The launch date has passed" : `Launch is ${daysToLaunch} days away`;
    add("contractor", 3, `${when}: a contractor can start within weeks, a full-time hire takes 90-120 days.`);
    add("agency", 3, `${when}: an agency pod can deliver in 30-90 days with a handoff.`);
    add("full_time_ai_engineer", -2, `${when}, sooner than a full-time hire can be made (90-120 days).`);
    if (a.qLongTermOwnership === true) {
      findings.notes.push(
        "Consider a 4-6 week scoped pilot with a contractor now, and the permanent hire in parallel.",
      );
    }
  }
  return contributions;
}

/** The two scope answers: how long the work runs, and whether someone inside owns it. */
function weighScope(
  a: RoutingAnswers,
  add: (model: EngagementModel, points: number, reason: string) => void,
  warn: (model: EngagementModel, note: string) => void,
  findings: Findings,
) {
  const weeks = a.qExpectedWeeks;
  if (weeks !== null) {
    const span = `${weeks} ${weeks === 1 ? "week" : "weeks"}`;
    if (weeks <= FREELANCE_MAX_WEEKS) {
      add("freelancer", 2, `About ${span} of work: as long as freelance engagements usually run (2-12 weeks).`);
      add("full_time_ai_engineer", -1, `About ${span} of work does not by itself make a permanent role.`);
      if (a.qLongTermOwnership === true)
        findings.notes.push(
          `The build runs about ${span}, but someone must own it afterwards: name that owner before the work starts.`,
        );
    } else if (weeks <= CONTRACT_MAX_WEEKS) {
      add("contractor", 2, `About ${span} of work fits a contract (contracts usually run 3-12 months).`);
      add("freelancer", -2, `About ${span} is longer than freelance engagements usually run (2-12 weeks).`);
    } else {
      add("full_time_ai_engineer", 2, `About ${span} of work is a standing job: a permanent hire owns it.`);
      add("freelancer", -2, `About ${span} is far longer than freelance engagements run (2-12 weeks).`);
    }
    if (weeks >= 4 && weeks <= 13)
      add("agency", 1, `About ${span} matches the 30-90 days an agency pod takes to deliver with a handoff.`);
  }
  if (a.qInternalOwner === true) {
    add("freelancer", 2, "Someone inside owns the architecture and reviews the code, which a freelancer needs.");
  }
  if (a.qInternalOwner === false) {
    add("agency", 2, "Nobody inside owns the architecture: an agency brings its own technical lead and a handover.");
    add("contractor", 1, "Nobody inside owns the architecture: a senior contractor can own it for the engagement.");
    warn(
      "freelancer",
      "Nobody inside owns the architecture or reviews the code: a freelancer would work unreviewed, so not a freelancer.",
    );
  }
  if (freelancerFits(a)) {
    add(
      "freelancer",
      3,
      "Narrow, short work with an owner inside (a research spike, one-off data work, prompt or labelling tasks, a proof of concept): a freelancer fits.",
    );
  }
}
