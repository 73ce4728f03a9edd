import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AreaBars } from "~/components/charts";
import { CompareTable } from "~/components/compare/table";
import type { ComparisonData } from "~/components/compare/types";
import { formatCount, formatMoney, PageHeader } from "~/components/ui";
import { recordView } from "~/models/audit.server";
import { parseCompareIds } from "~/models/compare.server";
import { getComparisonPage } from "~/models/rollup-view.server";
import { authorizeUser } from "~/utils/authorize.server";

export const meta: MetaFunction = () => [{ title: "Compare candidates · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/roles.$roleId.compare", "loader");
  const url = new URL(args.request.url);
  const ids = parseCompareIds(url);
  const result = getComparisonPage({ roleId: Number(args.params.roleId), ids, viewer: user, teamRole });
  if (!result) throw new Response("Role not found", { status: 404 });
  // The cost row is figures from people's pay: one entry for the page, counting the people it prices.
  const priced = result.seesCost ? result.candidates.filter((c) => c.cost?.total != null).length : 0;
  if (priced > 0) {
    const roleId = result.role.id;
    recordView({ actorId: user.id, action: "pay.view", subject: { type: "role", id: roleId }, roleId, rows: priced });
  }
  // The rollup view (filters, order, page) the comparison was opened from, for the way back: only those parameters.
  const from = new URLSearchParams(url.searchParams.get("back") ?? "");
  const back = new URLSearchParams(
    [...from].filter(([k]) => ["stage", "engagement", "sort", "dir", "page"].includes(k)),
  ).toString();
  return { ...result, query: url.search, back: back ? `?${back}` : "" };
}

export default function Compare() {
  const d = useLoaderData<typeof loader>();
  const c = d.candidates;
  return (
    <div className="print-wide">
      <PageHeader
        title={`Compare: ${d.role.title}`}
        subtitle={`Ratings per area, the arithmetic${d.seesCompliance ? ", paperwork" : ""}${d.seesCost ? " and cost" : ""}, side by side. Disagreement and gaps are highlighted.`}
        actions={<CompareActions roleId={d.role.id} back={d.back} query={d.query} downloads={!d.problem} />}
      />
      {d.problem ? (
        <div className="alert alert-warn" role="alert">
          {d.problem} <Link to={`/roles/${d.role.id}/rollup${d.back}`}>Choose on the rollup</Link>.
        </div>
      ) : null}
      {c.length >= 1 ? (
        <>
          <section className="card" aria-labelledby="chart">
            <h2 id="chart">Per area</h2>
            <AreaBars
              areas={d.areas}
              series={c.map((x) => ({
                name: x.name,
                values: Object.fromEntries(x.summary.areas.map((a) => [a.key, a.average])),
              }))}
              label="Average rating per area for each candidate compared"
            />
          </section>
          <CompareTable d={d} />
          <CostNotes d={d} />
        </>
      ) : null}
    </div>
  );
}

function CompareActions(props: { roleId: number; back: string; query: string; downloads: boolean }) {
  const { roleId, query } = props;
  return (
    <>
      <Link to={`/roles/${roleId}/rollup${props.back}`} className="btn">
        Back to rollup
      </Link>
      {props.downloads ? (
        <a href={`/roles/${roleId}/compare.csv${query}`} className="btn" download>
          Download CSV
        </a>
      ) : null}
      {props.downloads ? (
        <a href={`/roles/${roleId}/compare.csv${query}${query ? "&" : "?"}evidence=1`} className="btn" download>
          CSV with evidence
        </a>
      ) : null}
      <button type="button" className="btn" onClick={() => window.print()}>
        Print
      </button>
    </>
  );
}

/** Under the table: a warning when the costs are not like for like, and the role's cost assumptions. */
function CostNotes({ d }: { d: ComparisonData }) {
  const a = d.assumptions;
  const money = (amount: number) => formatMoney(amount, d.role.currency);
  return (
    <>
      {d.costNote ? (
        <p className="alert alert-warn small">
          {d.costNote.text}{" "}
          {d.costNote.hoursDiffer ? (
            <>
              <Link to={`/roles/${d.role.id}/costs`}>Set the contract hours</Link> to {formatCount(d.fullYearHours)} to
              cost a contractor for a hire&rsquo;s year.
            </>
          ) : null}
        </p>
      ) : null}
      {a ? (
        <p className="small muted">
          Cost assumptions (this role): overhead {a.overheadPct}%, recruiting {money(a.recruitingCost)}, team time{" "}
          {a.teamHours} h × {money(a.teamHourlyCost)}, tooling {money(a.toolingCost)}, ramp-up {a.rampMonths} months,
          wrong-role risk {a.wrongRoleRiskPct}%, contract hours {a.expectedHours}, overrun {a.contractorOverrunPct}%
          contractors / {a.freelancerOverrunPct}% freelancers.
        </p>
      ) : null}
    </>
  );
}
