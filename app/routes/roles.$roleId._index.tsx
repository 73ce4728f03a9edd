import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Pipeline } from "~/components/pipeline";
import { RatePositions } from "~/components/rate-position";
import { AdviceDetails } from "~/components/advice";
import { formatDate, formatMoney, Notice, PageHeader, StatusBadge } from "~/components/ui";
import { briefFields, sentenceBlanks } from "~/domain/brief";
import { engagementFits, routingQuestions, scopeQuestions } from "~/domain/engagement";
import { holds } from "~/domain/policy";
import { budgetKindLabels, engagementModelLabels, type EngagementModel } from "~/domain/reference";
import { scalesForBudget } from "~/domain/rates";
import { summarizeRole } from "~/domain/role-summary";
import { listPipeline } from "~/models/application.server";
import { getMask, getShownName } from "~/models/masking.server";
import { getRole, getRoleTeam } from "~/models/role.server";
import { authorizeUser } from "~/utils/authorize.server";
import { DAY_MS } from "~/domain/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.role.title ?? "Role"} · AI Talent Scorecards` },
];

/** Cards shown per stage; the rollup lists every application of a stage. */
const CARDS_PER_STAGE = 8;

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/roles.$roleId._index", "loader");
  const role = getRole(Number(args.params.roleId));
  if (!role) throw new Response("Role not found", { status: 404 });
  const team = getRoleTeam(role.id).map(({ userId, name, teamRole, active }) => ({ userId, name, teamRole, active }));
  const { readiness, advice } = summarizeRole(role, new Date());
  // The budget is pay information: interviewers never receive it.
  const { createdById: _c, version: _v, budgetKind, budgetMin, budgetMax, ...shown } = role;
  const budget = holds(user.kind, "read:pay", teamRole)
    ? { budgetKind, budgetMin, budgetMax, currency: role.currency }
    : null;
  const now = Date.now();
  const mask = getMask(user.id);
  const board = listPipeline(role.id, CARDS_PER_STAGE);
  const pipeline = board.items.map((a, i) => ({
    // A masked application's id would identify it: it gets a placeholder.
    id: mask.applicationIds.has(a.id) ? -(i + 1) : a.id,
    stage: a.stage,
    version: a.version,
    // Someone this viewer grades anonymously appears under the take-home's alias.
    masked: mask.applicationIds.has(a.id),
    name: getShownName(mask, a.id, a.candidateName ?? a.agencyName ?? "Unknown"),
    isAgencyBid: a.agencyId !== null,
    submittedBy: mask.applicationIds.has(a.id) ? null : a.submittedBy,
    daysInStage: Math.floor((now - a.stageChangedAt.getTime()) / DAY_MS),
    // The application page says why; the card only flags it.
    offModel:
      !mask.applicationIds.has(a.id) &&
      !engagementFits(role.engagementModels, a.agencyId !== null ? "agency_bid" : (a.engagementType ?? "full_time")),
  }));
  return {
    role: shown,
    budget,
    pipeline,
    stageCounts: board.counts,
    canAddApplication: holds(user.kind, "create:application", teamRole),
    canMoveApplications: holds(user.kind, "update:application", teamRole),
    team,
    readiness,
    advice,
    canEdit: holds(user.kind, "update:role", teamRole),
  };
}

function Budget({
  budget,
  considered,
}: {
  budget: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["budget"]>;
  considered: string[];
}) {
  if (!budget.budgetKind || budget.budgetMax === null) return <span className="missing">Not set</span>;
  const unit =
    budget.budgetKind === "hourly" ? " per hour" : budget.budgetKind === "salary" ? " per year" : " in total";
  const range =
    budget.budgetMin !== null
      ? `${formatMoney(budget.budgetMin, budget.currency)} to ${formatMoney(budget.budgetMax, budget.currency)}`
      : `up to ${formatMoney(budget.budgetMax, budget.currency)}`;
  return (
    <span>
      {range}
      {unit} <span className="muted small">({budgetKindLabels[budget.budgetKind]})</span>
      <RatePositions
        min={budget.budgetMin}
        max={budget.budgetMax}
        currency={budget.currency}
        scales={scalesForBudget(budget.budgetKind, considered)}
      />
    </span>
  );
}

const teamNames = (people: { name: string; active: boolean }[]) =>
  people.map((p) => (p.active ? p.name : `${p.name} (deactivated)`)).join(", ");

type Data = SerializeFrom<typeof loader>;

export default function RolePage() {
  const {
    role,
    budget,
    team,
    readiness,
    advice,
    canEdit,
    pipeline,
    stageCounts,
    canAddApplication,
    canMoveApplications,
  } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  return (
    <>
      <PageHeader
        title={role.title}
        badge={<StatusBadge status={role.status} />}
        subtitle={`${role.team} · ${role.location} · ${role.headcount} ${role.headcount === 1 ? "hire" : "hires"} · target start ${formatDate(role.targetStart)}`}
        actions={
          canEdit ? (
            <>
              <Link to={`/roles/${role.id}/rollup`} className="btn">
                Rollup
              </Link>
              <Link to={`/roles/${role.id}/template`} className="btn">
                Scorecard template
              </Link>
              <Link to={`/roles/${role.id}/approvals`} className="btn">
                Offer approvers
              </Link>
              <Link to={`/roles/${role.id}/edit`} className="btn btn-primary">
                Edit role
              </Link>
            </>
          ) : (
            <Link to={`/roles/${role.id}/rollup`} className="btn">
              Rollup
            </Link>
          )
        }
      />
      {saved ? <Notice>{saved === "created" ? "Role created." : "Changes saved."}</Notice> : null}
      {params.get("moved") ? <Notice>Application moved.</Notice> : null}
      <section className="card" aria-labelledby="pipeline-heading">
        <div className="row-between no-border">
          <h2 id="pipeline-heading">Pipeline</h2>
          {canAddApplication ? (
            <Link to={`/roles/${role.id}/applications/new`} className="btn">
              Add to pipeline
            </Link>
          ) : null}
        </div>
        {pipeline.length === 0 ? (
          <p className="muted">Nobody in the pipeline yet.</p>
        ) : (
          <Pipeline items={pipeline} counts={stageCounts} roleId={role.id} canMove={canMoveApplications} />
        )}
      </section>
      <div className="grid grid-2">
        <div>
          <BriefCard role={role} readiness={readiness} />
        </div>
        <div>
          <AdviceCard role={role} advice={advice} canEdit={canEdit} />
          <StaffingCard role={role} budget={budget} team={team} />
        </div>
      </div>
    </>
  );
}

/** The brief: how complete it is, the sentence with its blanks, and the questions behind it. */
function BriefCard({ role, readiness }: Pick<Data, "role" | "readiness">) {
  return (
    <section className="card" aria-labelledby="brief-heading">
      <h2 id="brief-heading">The brief</h2>
      <div className="readiness">
        <meter min={0} max={readiness.total} value={readiness.filled} aria-label="Brief completeness">
          {readiness.filled} of {readiness.total}
        </meter>
        <strong>{readiness.ready ? "Ready to staff" : `${readiness.filled} of ${readiness.total} answered`}</strong>
      </div>
      {!readiness.ready ? (
        <div className="alert alert-warn" role="note">
          <strong>Missing:</strong> {readiness.missing.map((m) => m.label).join("; ")}. A brief that cannot be completed
          points to discovery or a paid pilot before a hire.
        </div>
      ) : null}
      <p className="sentence-view">
        {sentenceBlanks.map(({ field, before, after, label }) => (
          <span key={field}>
            {before}{" "}
            {role[field] ? (
              <span className="filled">{role[field]}</span>
            ) : (
              <span className="blank" title={label}>
                ___ <span className="visually-hidden">({label}, missing)</span>
              </span>
            )}
            {after === "," ? "," : ` ${after}`}{" "}
          </span>
        ))}
      </p>
      <dl className="facts">
        {briefFields.map(({ field, label }) => (
          <div key={field} className="contents">
            <dt>{label}</dt>
            <dd>
              {role[field] ? (
                field === "briefLaunchDate" ? (
                  formatDate(role[field])
                ) : (
                  role[field]
                )
              ) : (
                <span className="missing">Missing</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The suggested engagement model, why, and the routing answers it rests on. */
function AdviceCard({ role, advice, canEdit }: Pick<Data, "role" | "advice" | "canEdit">) {
  return (
    <section className="card" aria-labelledby="advice-heading">
      <h2 id="advice-heading">Suggested engagement</h2>
      {advice.status === "unanswered" ? (
        <p className="muted">Answer the routing questions {canEdit ? "(Edit role)" : ""} to get a suggestion.</p>
      ) : (
        <AdviceDetails advice={advice} />
      )}
      <h3>Routing answers</h3>
      <dl className="facts small answers">
        {routingQuestions.map(({ field, question }) => (
          <div key={field} className="contents">
            <dt>{question}</dt>
            <dd>
              {role[field] === true ? (
                "Yes"
              ) : role[field] === false ? (
                "No"
              ) : (
                <span className="missing">Not answered</span>
              )}
            </dd>
          </div>
        ))}
        <div className="contents">
          <dt>{scopeQuestions.qExpectedWeeks}</dt>
          <dd>
            {role.qExpectedWeeks !== null ? (
              `About ${role.qExpectedWeeks} ${role.qExpectedWeeks === 1 ? "week" : "weeks"}`
            ) : (
              <span className="missing">Not answered</span>
            )}
          </dd>
        </div>
        <div className="contents">
          <dt>{scopeQuestions.qInternalOwner}</dt>
          <dd>
            {role.qInternalOwner === true ? (
              "Yes"
            ) : role.qInternalOwner === false ? (
              "No"
            ) : (
              <span className="missing">Not answered</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The models considered, the budget and the hiring team. */
function StaffingCard({ role, budget, team }: Pick<Data, "role" | "budget" | "team">) {
  const managers = team.filter((t) => t.teamRole === "hiring_manager");
  const interviewers = team.filter((t) => t.teamRole === "interviewer");
  return (
    <section className="card" aria-labelledby="staffing-heading">
      <h2 id="staffing-heading">Staffing</h2>
      <dl className="facts">
        <dt>Models considered</dt>
        <dd>
          {role.engagementModels.length ? (
            role.engagementModels.map((m) => engagementModelLabels[m as EngagementModel] ?? m).join(", ")
          ) : (
            <span className="missing">None yet</span>
          )}
        </dd>
        {budget ? (
          <>
            <dt>Budget</dt>
            <dd>
              <Budget budget={budget} considered={role.engagementModels} />
            </dd>
          </>
        ) : null}
        <dt>Hiring managers</dt>
        <dd>{teamNames(managers) || <span className="missing">None</span>}</dd>
        <dt>Interviewers</dt>
        <dd>{teamNames(interviewers) || <span className="missing">None yet</span>}</dd>
      </dl>
    </section>
  );
}
