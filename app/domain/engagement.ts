// Engagement-model advice: turns the six routing questions (and how soon the
// role must launch) into a suggested engagement model with the reasons shown.
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
};

export const routingQuestions: { field: keyof RoutingAnswers; question: string }[] = [
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

/** A launch closer than this many days rules out waiting for a full-time hire (90-120 days). */
export const FAST_LAUNCH_DAYS = 60;

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
      scores: Record<EngagementModel, number>;
    };

type Contribution = { model: EngagementModel; points: number; reason: string };

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

export function adviseEngagement(input: { answers: RoutingAnswers; launchDate: string | null; today: Date }): Advice {
  const { answers: a, launchDate, today } = input;
  const daysToLaunch = launchDate ? daysUntil(launchDate, today) : null;
  const answeredCount = Object.values(a).filter((v) => v !== null).length;
  if (answeredCount === 0 && daysToLaunch === null) return { status: "unanswered" };

  const notes: string[] = [];
  const contributions = weighAnswers(a, daysToLaunch, notes);

  const scores = Object.fromEntries(engagementModels.map((m) => [m, 0])) as Record<EngagementModel, number>;
  for (const c of contributions) scores[c.model] += c.points;

  const ranked = [...engagementModels]
    .filter((m) => m !== "data_engineer")
    .sort((x, y) => scores[y] - scores[x] || tieBreakOrder.indexOf(x) - tieBreakOrder.indexOf(y));
  const best = ranked[0];
  const bestHasSignal = scores[best] > 0;

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

  for (const c of contributions) if (c.model === suggested && c.points > 0) reasons.push(c.reason);
  if (suggested === "freelancer")
    notes.push("Freelance work often overruns by about 30% through rework; budget for it.");

  const top = scores[suggested];
  const alsoConsider = ranked
    .filter((m) => m !== suggested && m !== then && scores[m] > 0 && scores[m] >= top - 2)
    .slice(0, 2);
  if (answeredCount < routingQuestions.length) {
    notes.push(
      `${routingQuestions.length - answeredCount} of ${routingQuestions.length} routing questions are unanswered.`,
    );
  }

  return { status: "advised", suggested, then, alsoConsider, reasons, notes, scores };
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

/** What each answer (and the launch date) says for or against each model; notes that go with them land in `notes`. */
function weighAnswers(a: RoutingAnswers, daysToLaunch: number | null, notes: string[]): Contribution[] {
  const contributions: Contribution[] = [];
  const add = (model: EngagementModel, points: number, reason: string) => contributions.push({ model, points, reason });

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
    if (a.qCustomModels !== true) notes.push("An ML engineer is the wrong hire for a plain LLM application.");
  }
  if (a.qLongTermOwnership === true) {
    // Outweighs "hosted APIs" on purpose: LLM feature builders are the wrong hire for deep MLOps ownership.
    add(
      "full_time_ai_engineer",
      4,
      "Someone has to own monitoring, drift, evals, incidents and cost after launch: that is a permanent role.",
    );
    if (a.qHostedApis === true)
      notes.push(
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
  }
  if (daysToLaunch !== null && daysToLaunch < FAST_LAUNCH_DAYS) {
    const when = daysToLaunch < 0 ? "The launch date has passed" : `Launch is ${daysToLaunch} days away`;
    add("contractor", 3, `${when}: a contractor can start within weeks, a full-time hire takes 90-120 days.`);
    add("agency", 3, `${when}: an agency pod can deliver in 30-90 days with a handoff.`);
    add("full_time_ai_engineer", -2, `${when}, sooner than a full-time hire can be made (90-120 days).`);
    if (a.qLongTermOwnership === true) {
      notes.push("Consider a 4-6 week scoped pilot with a contractor now, and the permanent hire in parallel.");
    }
  }
  return contributions;
}
