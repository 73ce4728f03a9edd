import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { PageHeader } from "~/components/ui";
import { parseRollupQuery, getRollupPage } from "~/models/rollup-view.server";
import { authorizeUser } from "~/utils/authorize.server";
import { useComparePicks } from "~/components/compare-picks";
import { FunnelCard } from "~/components/rollup/funnel-card";
import { AreaAveragesCard } from "~/components/rollup/areas-card";
import { RollupFilters } from "~/components/rollup/filters";
import { RollupTable } from "~/components/rollup/table";
import { CompareBar } from "~/components/rollup/compare-bar";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Rollup: ${data?.role.title ?? "role"} · AI Talent Scorecards` },
];

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/roles.$roleId.rollup", "loader");
  const page = getRollupPage(Number(args.params.roleId), user, teamRole, parseRollupQuery(new URL(args.request.url)));
  if (!page) throw new Response("Role not found", { status: 404 });
  return page;
}

export default function Rollup() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const picks = useComparePicks(d.role.id);
  const offPage = picks.picked.filter((p) => !d.rows.some((r) => r.id === p.id));
  return (
    <div className="print-wide">
      <PageHeader
        title={`${d.role.title}: rollup`}
        subtitle={
          <>
            <span className={d.ageOverdue ? "flag" : undefined}>{d.ageText}</span> · {d.scorecardsSubmitted} of{" "}
            {d.scorecardsDue} scorecards due are submitted
          </>
        }
        actions={
          <Link to={`/roles/${d.role.id}`} className="btn">
            Role
          </Link>
        }
      />
      <div className="grid grid-2">
        <FunnelCard funnel={d.funnel} />
        <AreaAveragesCard d={d} />
      </div>
      <RollupFilters d={d} />
      <Form method="get" action={`/roles/${d.role.id}/compare`}>
        {params.toString() ? <input type="hidden" name="back" value={params.toString()} /> : null}
        <RollupTable d={d} picks={picks} />
        {/* Ticks made on other pages of the rollup go with the form too. */}
        {offPage.map((p) => (
          <input key={p.id} type="hidden" name="ids" value={p.id} />
        ))}
        <CompareBar picks={picks} offPage={offPage} limits={d.compareLimits} />
      </Form>
      <Pager
        page={d.page}
        pageCount={d.pageCount}
        params={Object.fromEntries([...params.entries()].filter(([k]) => k !== "page"))}
      />
    </div>
  );
}
