import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { PanelScorecards } from "~/components/scorecard/panel-scorecards";
import { AmendmentHistory, SubmittedRatings } from "~/components/scorecard/submitted-scorecard";
import { ScorecardForm, type ScorecardDefaults } from "~/components/scorecard-form";
import { Notice, PageHeader } from "~/components/ui";
import { Moment } from "~/components/moment";
import { getApplication } from "~/models/application.server";
import { listVisibleScorecards } from "~/models/feedback.server";
import { getScorecardContext, saveScorecard } from "~/models/scorecard.server";
import { interviewKindLabels, scorecardArrayFields, scorecardSchema } from "~/schemas/interview";
import { authorizeUser } from "~/utils/authorize.server";
import { parseFormData, type FormFailure } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Scorecard · AI Talent Scorecards" }];

const areaOrder = (areas: { key: string }[], key: string) => {
  const i = areas.findIndex((a) => a.key === key);
  return i < 0 ? areas.length : i;
};

function load(interviewId: number, userId: number) {
  const context = getScorecardContext(interviewId, userId);
  if (!context) throw new Response("Interview not found", { status: 404 });
  return context;
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/interviews.$interviewId.scorecard", "loader");
  const { found, own, template, areas } = load(Number(args.params.interviewId), user.id);
  const app = getApplication(found.application.id)!;
  const defaults: ScorecardDefaults | null = own
    ? {
        // Rating 0 is "not rated yet" in a draft; null is an explicit "not assessed".
        ratings: Object.fromEntries(
          own.ratings.map((r) => [
            r.areaKey,
            { rating: r.rating === 0 ? null : r.rating, evidence: r.evidence, assessed: r.rating !== 0 },
          ]),
        ),
        weakSignals: own.card.weakSignals,
        keyTakeaways: own.card.keyTakeaways,
        recommendation: own.card.recommendationChosen ? own.card.recommendation : "",
      }
    : null;
  const feedback = listVisibleScorecards({
    applicationId: found.application.id,
    roleId: found.role.id,
    blind: found.role.blindFeedback,
    viewer: user,
    teamRole,
  });
  return {
    interview: {
      id: found.interview.id,
      kind: found.interview.kind,
      startsAt: found.interview.startsAt,
      cancelledAt: found.interview.cancelledAt,
    },
    subject: app.candidate?.name ?? app.agency?.name ?? "",
    applicationId: found.application.id,
    role: found.role,
    templateVersion: template.version,
    areas,
    status: own?.card.status ?? null,
    version: own?.card.version ?? null,
    defaults,
    amendments: own?.amendments ?? [],
    panel: feedback.readable
      .filter((c) => c.interviewerId !== user.id && c.status === "submitted")
      .map((c) => ({
        id: c.id,
        interviewer: c.interviewerName,
        kind: c.interviewKind,
        recommendation: c.recommendation,
        keyTakeaways: c.keyTakeaways,
        // In template order.
        ratings: [...c.ratings]
          .sort((x, y) => areaOrder(template.areas, x.areaKey) - areaOrder(template.areas, y.areaKey))
          .map((r) => ({ areaKey: r.areaKey, rating: r.rating })),
      })),
    hiddenCount: feedback.hiddenCount,
    // This scorecard is in, but other interviews the viewer sits on with this candidate are still owed.
    otherSeatsOwed: own?.card.status === "submitted" ? feedback.seatsOwed : 0,
    blind: found.role.blindFeedback,
    autosave: {
      url: `/interviews/${found.interview.id}/scorecard/autosave`,
      storageKey: `draft:scorecard:${found.interview.id}:${user.id}`,
      signInHref: `/login?redirectTo=${encodeURIComponent(`/interviews/${found.interview.id}/scorecard`)}`,
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/interviews.$interviewId.scorecard", "action");
  const interviewId = Number(args.params.interviewId);
  const { found, areas, template } = load(interviewId, user.id);
  const formData = await args.request.formData();
  const parsed = parseFormData(scorecardSchema(areas.map((a) => a.key)), formData, scorecardArrayFields);
  const refuse = (failure: FormFailure, status?: number) =>
    invalid(formData, failure, { arrayFields: scorecardArrayFields, status });
  if (!parsed.ok)
    return refuse({ fieldErrors: parsed.fieldErrors, formError: parsed.formError ?? "Nothing was saved." });
  const { intent, version, values, amendReason } = parsed.data;
  const result = saveScorecard({
    interviewId,
    interviewerId: user.id,
    roleId: found.role.id,
    templateId: template.id,
    mode: intent,
    version,
    values,
    amendReason: amendReason ?? undefined,
  });
  if (!result.ok) {
    const formError =
      result.reason === "cancelled"
        ? "This interview was cancelled, so it needs no scorecard; nothing was saved."
        : result.reason === "locked"
          ? "This scorecard is submitted and locked. To change it, amend it with a reason."
          : result.reason === "not-submitted"
            ? "Only a submitted scorecard can be amended."
            : "This scorecard was saved somewhere else (another tab?) after you opened it; nothing was overwritten. Copy what you need and reload.";
    return refuse({ fieldErrors: {}, formError }, 409);
  }
  return redirect(`/interviews/${interviewId}/scorecard?saved=${intent}`);
}

const savedText: Record<string, string> = {
  draft: "Draft saved. Only you can see it.",
  submit: "Scorecard submitted and locked.",
  amend: "Amendment saved; the original is kept below.",
};

function ScorecardStatusBadge({ status }: { status: string | null }) {
  return status === "submitted" ? (
    <span className="badge badge-open">Submitted</span>
  ) : status === "draft" ? (
    <span className="badge badge-on_hold">Draft</span>
  ) : null;
}

/** The submitted scorecard as written, the way to amend it, and its amendments. */
function SubmittedScorecard({ d, areaName }: { d: SerializeFrom<typeof loader>; areaName: (key: string) => string }) {
  const actionData = useActionData<typeof action>();
  return (
    <section className="card" aria-labelledby="mine">
      <h2 id="mine">Your submitted scorecard</h2>
      <SubmittedRatings areas={d.areas} defaults={d.defaults!} />
      <details open={actionData?.values?.intent === "amend"}>
        <summary>Amend this scorecard</summary>
        <ScorecardForm
          areas={d.areas}
          defaults={d.defaults}
          version={d.version}
          mode="amend"
          serverErrors={actionData?.fieldErrors}
          submitted={actionData?.values}
          formError={actionData?.formError}
        />
      </details>
      {d.amendments.length ? <AmendmentHistory amendments={d.amendments} areaName={areaName} /> : null}
    </section>
  );
}

export default function ScorecardPage() {
  const d = useLoaderData<typeof loader>();
  // Submitted (here or in another tab): nothing typed on this device is a draft any more.
  useEffect(() => {
    if (d.status === "submitted") window.localStorage.removeItem(d.autosave.storageKey);
  }, [d.status, d.autosave.storageKey]);
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const areaName = (key: string) => d.areas.find((a) => a.key === key)?.name ?? key;
  return (
    <>
      <PageHeader
        title={`Scorecard: ${d.subject}`}
        subtitle={
          <>
            {interviewKindLabels[d.interview.kind]} for{" "}
            <Link to={`/applications/${d.applicationId}`}>{d.role.title}</Link> · template v{d.templateVersion}
          </>
        }
        badge={<ScorecardStatusBadge status={d.status} />}
        actions={
          // In a tab of its own, so reading the kit mid-interview never leaves the scorecard.
          <a href={`/interviews/${d.interview.id}`} className="btn" target="_blank" rel="noopener noreferrer">
            Interview kit<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        }
      />
      {saved && savedText[saved] ? <Notice>{savedText[saved]}</Notice> : null}
      {d.interview.cancelledAt ? (
        <p className="alert alert-warn" role="status">
          This interview was cancelled on <Moment at={d.interview.cancelledAt} />. It needs no scorecard, and nothing
          new can be saved for it.
        </p>
      ) : null}
      <div className="grid grid-2">
        <div>
          {d.status === "submitted" ? (
            <SubmittedScorecard d={d} areaName={areaName} />
          ) : (
            <ScorecardForm
              areas={d.areas}
              defaults={d.defaults}
              version={d.version}
              mode="fill"
              serverErrors={actionData?.fieldErrors}
              submitted={actionData?.values}
              formError={actionData?.formError}
              autosave={d.autosave}
            />
          )}
        </div>
        <PanelScorecards data={d} areaName={areaName} />
      </div>
    </>
  );
}
