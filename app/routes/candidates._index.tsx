import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { formatCount, Notice, PageHeader } from "~/components/ui";
import { stageLabels, stages } from "~/domain/pipeline";
import { getRole, type Viewer } from "~/models/role.server";
import { holds, scopesFor } from "~/domain/policy";
import { candidateEngagementTypeLabels, candidateSourceLabels } from "~/domain/reference";
import { searchCandidates } from "~/models/candidate.server";
import { getMask } from "~/models/masking.server";
import { authorizeUser } from "~/utils/authorize.server";
import { FilterForm } from "~/components/filter-form";

export const meta: MetaFunction = () => [{ title: "Candidates · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/candidates._index", "loader");
  const url = new URL(args.request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const page = Number(url.searchParams.get("page")) || 1;
  return {
    query,
    // People this viewer grades anonymously are left out of the list.
    result: searchCandidates(user, { query, page, hide: [...getMask(user.id).candidateIds] }),
    seesAll: scopesFor(user.kind, "read:candidate").includes("any"),
    canCreate: holds(user.kind, "create:candidate"),
    canImport: holds(user.kind, "import:candidate"),
    imported: importedNotice(user, url.searchParams),
  };
}

/**
 * What an import just did, from the address it landed on (`?imported=12&skipped=3&role=4&stage=sourced`): how
 * many came in, how many rows were left out, and the role they were added to, named only to whoever may read it.
 */
function importedNotice(user: Viewer, params: URLSearchParams) {
  const count = (name: string) => Math.max(0, Math.floor(Number(params.get(name))) || 0);
  if (!params.has("imported") || !holds(user.kind, "import:candidate")) return null;
  const roleId = count("role");
  const role = roleId && scopesFor(user.kind, "read:role").includes("any") ? (getRole(roleId) ?? null) : null;
  const stage = params.get("stage");
  return {
    imported: count("imported"),
    skipped: count("skipped"),
    role: role ? { id: role.id, title: role.title } : null,
    stage: stages.find((s) => s === stage) ?? "sourced",
  };
}

function ImportedNotice({ notice }: { notice: NonNullable<ReturnType<typeof importedNotice>> }) {
  const people = `${formatCount(notice.imported)} ${notice.imported === 1 ? "candidate" : "candidates"}`;
  return (
    <Notice>
      Imported {people}
      {notice.role ? (
        <>
          , each added to <Link to={`/roles/${notice.role.id}`}>{notice.role.title}</Link> at{" "}
          {stageLabels[notice.stage]}
        </>
      ) : null}
      .
      {notice.skipped
        ? ` ${formatCount(notice.skipped)} ${notice.skipped === 1 ? "row with errors was" : "rows with errors were"} left out.`
        : ""}
    </Notice>
  );
}

export default function Candidates() {
  const { query, result, seesAll, canCreate, canImport, imported } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Candidates"
        subtitle={seesAll ? "Everyone on file, across all roles." : "People in the pipelines of roles you are on."}
        actions={
          <>
            {canImport ? (
              <Link to="/candidates/import" className="btn">
                Import CSV
              </Link>
            ) : null}
            {canCreate ? (
              <Link to="/candidates/new" className="btn btn-primary">
                Add candidate
              </Link>
            ) : null}
          </>
        }
      />
      {imported ? <ImportedNotice notice={imported} /> : null}
      <FilterForm values={{ q: query }} className="search" role="search">
        <label htmlFor="q" className="visually-hidden">
          Search candidates
        </label>
        <input id="q" type="search" name="q" defaultValue={query} placeholder="Search by name, email or skill" />
        <button type="submit" className="btn">
          Search
        </button>
      </FilterForm>
      {result.rows.length === 0 ? (
        <div className="card empty">{query ? `No candidates match “${query}”.` : "No candidates yet."}</div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="muted small">
              {formatCount(result.total)} {result.total === 1 ? "candidate" : "candidates"}
              {query ? ` matching “${query}”` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Engagement</th>
                <th scope="col">Skills</th>
                <th scope="col">Location</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/candidates/${c.id}`}>{c.name}</Link>
                    <div className="muted small">{c.email}</div>
                  </td>
                  <td>{candidateEngagementTypeLabels[c.engagementType]}</td>
                  <td>
                    <div className="tags">
                      {c.skills.slice(0, 5).map((s) => (
                        <span key={s} className="tag">
                          {s}
                        </span>
                      ))}
                      {c.skills.length > 5 ? <span className="muted small">+{c.skills.length - 5}</span> : null}
                    </div>
                  </td>
                  <td className="small">{c.location ?? "—"}</td>
                  <td className="small">{candidateSourceLabels[c.source]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={result.page} pageCount={result.pageCount} params={query ? { q: query } : {}} />
    </>
  );
}
