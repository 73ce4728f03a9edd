import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui";
import { holds } from "~/domain/policy";
import { agencyKindLabels } from "~/domain/reference";
import { listAgencies } from "~/models/agency.server";
import { authorizeUser } from "~/utils/authorize.server";
import { FilterForm } from "~/components/filter-form";

export const meta: MetaFunction = () => [{ title: "Agencies · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/agencies._index", "loader");
  const query = (new URL(args.request.url).searchParams.get("q") ?? "").slice(0, 100);
  return { query, agencies: listAgencies({ query }), canCreate: holds(user.kind, "create:agency") };
}

export default function Agencies() {
  const { query, agencies, canCreate } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Agencies"
        subtitle="Staffing agencies, delivery pods and fixed-price shops, vetted as organisations."
        actions={
          canCreate ? (
            <Link to="/agencies/new" className="btn btn-primary">
              Add agency
            </Link>
          ) : null
        }
      />
      <FilterForm values={{ q: query }} className="search" role="search">
        <label htmlFor="q" className="visually-hidden">
          Search agencies
        </label>
        <input id="q" type="search" name="q" defaultValue={query} placeholder="Search by name" />
        <button type="submit" className="btn">
          Search
        </button>
      </FilterForm>
      {agencies.length === 0 ? (
        <div className="card empty">{query ? `No agencies match “${query}”.` : "No agencies yet."}</div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Agencies on file</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Kind</th>
                <th scope="col">Vetting</th>
                <th scope="col">Handover / acceptance criteria</th>
                <th scope="col">Candidates submitted</th>
                <th scope="col">Bids as a team</th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/agencies/${a.id}`}>{a.name}</Link>
                  </td>
                  <td>{agencyKindLabels[a.kind]}</td>
                  <td className="small">
                    {a.vetting.good + a.vetting.weak + a.vetting.bad === 0 ? (
                      <span className="muted">Not vetted</span>
                    ) : (
                      <>
                        <span className="assess-good">{a.vetting.good} good</span> ·{" "}
                        <span className="assess-weak">{a.vetting.weak} weak</span> ·{" "}
                        <span className="assess-bad">{a.vetting.bad} bad</span>
                      </>
                    )}
                  </td>
                  <td className="small">
                    {a.offersHandover ? "Handover" : "No handover"} ·{" "}
                    {a.writtenAcceptanceCriteria ? "Written criteria" : "No written criteria"}
                  </td>
                  <td>{a.candidatesSubmitted}</td>
                  <td>{a.bids}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
