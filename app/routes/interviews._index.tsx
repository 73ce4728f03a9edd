import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { formatCount, PageHeader } from "~/components/ui";
import { getMask } from "~/models/masking.server";
import { queueStates } from "~/domain/scorecard";
import { getInterviewerQueuePage, toQueueItemView, type ListState } from "~/models/queue.server";
import { interviewKindLabels } from "~/schemas/interview";
import { authorizeUser } from "~/utils/authorize.server";
import { Moment } from "~/components/moment";

export const meta: MetaFunction = () => [{ title: "Your interviews · AI Talent Scorecards" }];

export const INTERVIEWS_PER_PAGE = 25;

const lists: readonly ListState[] = [...queueStates, "submitted"];

const stateText: Record<ListState, { tab: string; heading: string; hint: string; empty: string }> = {
  overdue: {
    tab: "Overdue",
    heading: "Overdue scorecards",
    hint: "More than 24 hours after the interview ended. The hiring decision waits on your scorecard.",
    empty: "No overdue scorecards.",
  },
  due: {
    tab: "Due",
    heading: "Scorecards due",
    hint: "Interviews that ended in the last 24 hours: fill these while the interview is fresh.",
    empty: "No scorecards due right now.",
  },
  upcoming: {
    tab: "Upcoming",
    heading: "Upcoming interviews",
    hint: "Read the interview kit before you go in.",
    empty: "No upcoming interviews.",
  },
  submitted: {
    tab: "Submitted",
    heading: "Your submitted scorecards",
    hint: "What you wrote, latest first. A submitted scorecard is locked; amend it with a reason from its page.",
    empty: "You have not submitted a scorecard yet.",
  },
};

const when = (d: Date | string) => <Moment at={d} />;

/** Every interview the signed-in user sits on: what they still owe a scorecard for, and what they have submitted. Their own seats only. */
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/interviews._index", "loader");
  const url = new URL(args.request.url);
  const now = new Date();
  const asked = lists.find((s) => s === url.searchParams.get("state")) ?? null;
  const result = getInterviewerQueuePage(
    user.id,
    now,
    asked,
    Number(url.searchParams.get("page")) || 1,
    INTERVIEWS_PER_PAGE,
  );
  const mask = getMask(user.id);
  return {
    state: result.state,
    totals: result.totals,
    page: result.page,
    pageCount: result.pageCount,
    firstShown: (result.page - 1) * INTERVIEWS_PER_PAGE + 1,
    items: result.items.map((q) => toQueueItemView(q, mask)),
  };
}

export default function Interviews() {
  const { state, totals, page, pageCount, firstShown, items } = useLoaderData<typeof loader>();
  const text = stateText[state];
  const owedNow = totals.overdue + totals.due;
  return (
    <>
      <PageHeader
        title="Your interviews"
        subtitle={`${formatCount(owedNow)} ${owedNow === 1 ? "scorecard" : "scorecards"} to write, ${formatCount(totals.upcoming)} upcoming ${totals.upcoming === 1 ? "interview" : "interviews"}. Only interviews you sit on are listed.`}
      />
      <nav className="tabs" aria-label="Interview states">
        {lists.map((s) => (
          <Link
            key={s}
            to={`?state=${s}`}
            aria-current={s === state ? "page" : undefined}
            className={s === "overdue" && totals.overdue ? "tab tab-alert" : "tab"}
          >
            {stateText[s].tab} <span className="count">{formatCount(totals[s])}</span>
          </Link>
        ))}
      </nav>
      <section aria-labelledby="state-heading" className="card">
        <h2 id="state-heading">{text.heading}</h2>
        <p className="hint">{text.hint}</p>
        {items.length === 0 ? (
          <p className="muted">{text.empty}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="muted small">
                {formatCount(totals[state])} in all
                {pageCount > 1 ? `, ${firstShown}-${firstShown + items.length - 1} shown` : ""},{" "}
                {state === "submitted" ? "latest submitted first" : "earliest first"}.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Interview</th>
                  <th scope="col">Role</th>
                  <th scope="col">When</th>
                  <th scope="col">{state === "submitted" ? "Scorecard" : "Next step"}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((q) => (
                  <tr key={q.interviewId}>
                    <th scope="row">{q.who}</th>
                    <td>{interviewKindLabels[q.kind]}</td>
                    <td>{q.roleTitle}</td>
                    <td className="small">{when(q.startsAt)}</td>
                    <td>
                      {q.masked ? (
                        <span className="muted small">
                          Hidden while you grade their take-home anonymously; opens once every grader has graded it
                        </span>
                      ) : state === "submitted" ? (
                        <>
                          <Link
                            to={`/interviews/${q.interviewId}/scorecard`}
                            aria-label={`Your scorecard for ${q.who}`}
                          >
                            Your scorecard
                          </Link>
                          {q.submittedAt ? <div className="muted small">submitted {when(q.submittedAt)}</div> : null}
                        </>
                      ) : state === "upcoming" ? (
                        <Link to={`/interviews/${q.interviewId}`} aria-label={`Interview kit for ${q.who}`}>
                          Interview kit
                        </Link>
                      ) : (
                        <Link
                          to={`/interviews/${q.interviewId}/scorecard`}
                          aria-label={`${q.draft ? "Finish" : "Write"} the scorecard for ${q.who}`}
                        >
                          {q.draft ? "Finish draft" : "Write scorecard"}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <Pager page={page} pageCount={pageCount} params={{ state }} />
    </>
  );
}
