import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { formatCount, PageHeader } from "~/components/ui";
import { stageLabels } from "~/domain/pipeline";
import { scopesFor } from "~/domain/policy";
import { getNeedsDecisionPage } from "~/models/decision.server";
import { authorizeUser } from "~/utils/authorize.server";
import { DAY_MS } from "~/domain/dates";
import { Moment } from "~/components/moment";

export const meta: MetaFunction = () => [{ title: "Needs decision · AI Talent Scorecards" }];

const PER_PAGE = 25;

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/decisions._index", "loader");
  const now = new Date();
  const page = getNeedsDecisionPage(
    user,
    now,
    Number(new URL(args.request.url).searchParams.get("page")) || 1,
    PER_PAGE,
  );
  return {
    everyRole: scopesFor(user.kind, "read:decision").includes("any"),
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    items: page.items.map((a) => ({
      id: a.id,
      name: a.name,
      roleId: a.roleId,
      roleTitle: a.roleTitle,
      stage: a.stage,
      readyAt: a.readyAt,
      days: Math.floor((now.getTime() - a.readyAt.getTime()) / DAY_MS),
      scorecards: a.scorecards,
      takeHome: a.takeHome,
    })),
  };
}

export default function NeedsDecision() {
  const { everyRole, total, page, pageCount, items } = useLoaderData<typeof loader>();
  const first = (page - 1) * PER_PAGE + 1;
  return (
    <>
      <PageHeader
        title="Needs decision"
        subtitle={`Applications whose scorecards are all in (and take-home graded, where one was set) with no decision at their stage, ${
          everyRole ? "on every role" : "on the roles you manage"
        }.`}
      />
      <section className="card" aria-labelledby="needs-heading">
        <h2 id="needs-heading">Waiting longest first</h2>
        {items.length === 0 ? (
          <p className="muted">Nothing is waiting for a decision.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="muted small">
                {formatCount(total)} in all{pageCount > 1 ? `, ${first}-${first + items.length - 1} shown` : ""}, by
                when the last scorecard or grade came in.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Evidence in</th>
                  <th scope="col">Next step</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to={`/applications/${a.id}`}>{a.name}</Link>
                      <div className="small">
                        <Link to={`/roles/${a.roleId}/rollup`} className="muted">
                          {a.roleTitle}
                        </Link>
                      </div>
                    </th>
                    <td>{stageLabels[a.stage]}</td>
                    <td className="small">
                      <Moment at={a.readyAt} dateOnly /> ({a.days === 0 ? "today" : `${a.days} d ago`})
                      <div className="muted">
                        {a.scorecards} {a.scorecards === 1 ? "scorecard" : "scorecards"}
                        {a.takeHome ? " · take-home graded" : ""}
                      </div>
                    </td>
                    <td>
                      <Link to={`/applications/${a.id}#decision`} aria-label={`Decide on ${a.name}`}>
                        Decide
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <Pager page={page} pageCount={pageCount} params={{}} />
    </>
  );
}
