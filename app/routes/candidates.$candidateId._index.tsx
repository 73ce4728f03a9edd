import { RatePositions } from "~/components/rate-position";
import { scaleForPay } from "~/domain/rates";
import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConsentSection, HoldsSection } from "~/components/candidate/consent-and-holds";
import { CheckBadge, StageBadge } from "~/components/checks";
import { formatDate, formatMoney, Notice, PageHeader } from "~/components/ui";
import { checkScope, checkTypeLabels, effectiveStatus, type CheckType } from "~/domain/compliance";
import { holds, scopesFor } from "~/domain/policy";
import { candidateEngagementTypeLabels, candidateSourceLabels, payKindLabels } from "~/domain/reference";
import { listApplicationsOfCandidate } from "~/models/application.server";
import { getCandidate } from "~/models/candidate.server";
import { findErasedPredecessor } from "~/models/erasure.server";
import { recordView } from "~/models/audit.server";
import { listCandidateHolds } from "~/models/holds.server";
import { listPersonChecks } from "~/models/compliance.server";
import { listVisibleRoleIds } from "~/models/role.server";
import { authorizeUser } from "~/utils/authorize.server";
import { isoDay } from "~/domain/dates";
import { Moment } from "~/components/moment";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.candidate.name ?? "Candidate"} · AI Talent Scorecards` },
];

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/candidates.$candidateId._index", "loader");
  const row = getCandidate(Number(args.params.candidateId));
  if (!row) throw new Response("Candidate not found", { status: 404 });
  const canSeePay = holds(user.kind, "read:pay", teamRole);
  // Pay never leaves the server for people who may not see it.
  // Nor does the keyed hash of an erased person's email, or the reason for an erasure.
  const {
    payKind,
    payAmount,
    payCurrency,
    createdById: _c,
    version: _v,
    emailHash: _h,
    erasureReason: _r,
    ...candidate
  } = row;
  const erased = row.erasedAt !== null;
  const visible = scopesFor(user.kind, "read:role").includes("any") ? null : listVisibleRoleIds(user.id);
  const applications = listApplicationsOfCandidate(row.id).filter(
    (a) => visible === null || visible.includes(a.roleId),
  );
  if (canSeePay && payAmount !== null)
    recordView({ actorId: user.id, action: "pay.view", subject: { type: "candidate", id: row.id } });
  const today = isoDay(new Date());
  const canSeeCompliance = holds(user.kind, "read:compliance", teamRole);
  const checks = canSeeCompliance
    ? listPersonChecks(row.id).map((c) => ({
        type: c.type,
        status: effectiveStatus(c, today),
        expiresAt: c.expiresAt,
        evidenceRef: c.evidenceRef,
      }))
    : null;
  return {
    candidate,
    pay: canSeePay ? { payKind, payAmount, payCurrency } : null,
    applications,
    checks,
    erased,
    // A re-application after an erasure is recognised as such, and nothing more is known of the earlier record.
    erasedPredecessor: erased ? null : findErasedPredecessor(row.id, row.email),
    canEdit: !erased && holds(user.kind, "update:candidate", teamRole),
    canExport: holds(user.kind, "export:candidate", teamRole),
    canErase: !erased && holds(user.kind, "erase:candidate", teamRole),
    // Legal holds and their reasons: HR and admins.
    legalHolds: holds(user.kind, "read:hold", teamRole) ? listCandidateHolds(row.id) : null,
    today,
  };
}

type CandidateData = SerializeFrom<typeof loader>;

/** "$120 per hour (Hourly)"; or "Not known" when the candidate gave no expected pay. */
function expectedPayText(pay: NonNullable<CandidateData["pay"]>) {
  return pay.payKind && pay.payAmount !== null
    ? `${formatMoney(pay.payAmount, pay.payCurrency)} ${pay.payKind === "hourly" ? "per hour" : pay.payKind === "annual" ? "per year" : "fixed quote"} (${payKindLabels[pay.payKind]})`
    : "Not known";
}

/** The person's links that are filled in, separated by dots; a dash when there are none. */
function CandidateLinks({ candidate }: { candidate: CandidateData["candidate"] }) {
  const links = [
    ["Profile", candidate.profileUrl],
    ["Code", candidate.codeUrl],
    ["Portfolio", candidate.portfolioUrl],
  ].filter(([, url]) => url) as [string, string][];
  return (
    <>
      {links.length
        ? links.map(([label, url], i) => (
            <span key={label}>
              {i > 0 ? " · " : null}
              <a href={url} rel="noopener noreferrer nofollow" target="_blank">
                {label}
              </a>
            </span>
          ))
        : "—"}
    </>
  );
}

/** Who the candidate is and how they want to work; expected pay only for those who may see pay. */
function AboutCandidate({ candidate, pay }: Pick<CandidateData, "candidate" | "pay">) {
  return (
    <section className="card" aria-labelledby="about">
      <h2 id="about">About</h2>
      <dl className="facts">
        <dt>Engagement type</dt>
        <dd>{candidateEngagementTypeLabels[candidate.engagementType]}</dd>
        {pay ? (
          <>
            <dt>Expected pay</dt>
            <dd>
              {expectedPayText(pay)}
              {pay.payAmount !== null ? (
                <RatePositions
                  max={pay.payAmount}
                  currency={pay.payCurrency}
                  scales={[scaleForPay(pay.payKind, candidate.engagementType)].filter((x) => x !== null)}
                />
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>Available from</dt>
        <dd>{formatDate(candidate.availableFrom)}</dd>
        <dt>Source</dt>
        <dd>{candidateSourceLabels[candidate.source]}</dd>
        <dt>Phone</dt>
        <dd>{candidate.phone ?? "—"}</dd>
        <dt>Links</dt>
        <dd>
          <CandidateLinks candidate={candidate} />
        </dd>
        <dt>Skills</dt>
        <dd>
          <div className="tags">
            {candidate.skills.map((s) => (
              <span key={s} className="tag">
                {s}
              </span>
            ))}
          </div>
        </dd>
        <dt>Notes</dt>
        <dd className="prewrap">{candidate.notes ?? "—"}</dd>
      </dl>
    </section>
  );
}

/** The checks that belong to the person rather than one engagement, each with where it stands. */
function PersonChecks({ checks }: { checks: NonNullable<CandidateData["checks"]> }) {
  return (
    <section className="card" aria-labelledby="person-checks">
      <h2 id="person-checks">Checks held by this person</h2>
      <p className="small muted">Reused across roles. Checks specific to one engagement are on each application.</p>
      <ul className="plain">
        {(Object.keys(checkScope) as CheckType[])
          .filter((t) => checkScope[t] === "person")
          .map((type) => {
            const check = checks.find((c) => c.type === type);
            return (
              <li key={type} className="row-between">
                <span>{checkTypeLabels[type]}</span> <CheckBadge status={check?.status ?? "not_requested"} />
              </li>
            );
          })}
      </ul>
    </section>
  );
}

/** Edit for those who may change the person; the data-protection actions for HR and admins. */
function CandidateActions({ data }: { data: CandidateData }) {
  const { candidate, canEdit, canExport, canErase } = data;
  if (!canEdit && !canExport && !canErase) return null;
  return (
    <>
      {canExport ? (
        <Link to={`/candidates/${candidate.id}/export`} className="btn">
          Export data
        </Link>
      ) : null}
      {canErase ? (
        <Link to={`/candidates/${candidate.id}/erase`} className="btn btn-danger">
          Erase
        </Link>
      ) : null}
      {canEdit ? (
        <Link to={`/candidates/${candidate.id}/edit`} className="btn btn-primary">
          Edit
        </Link>
      ) : null}
    </>
  );
}

const savedNotices: Record<string, string> = {
  created: "Candidate added.",
  hold: "Legal hold added.",
  hold_ended: "Legal hold ended.",
  erased: "Candidate erased. Their identifying data is gone; their scores, stages and decisions stay, de-identified.",
};

export default function CandidatePage() {
  const data = useLoaderData<typeof loader>();
  const { candidate, pay, applications, checks, erased, erasedPredecessor, legalHolds, today } = data;
  const [params] = useSearchParams();
  const saved = params.get("saved");
  return (
    <>
      <PageHeader
        title={candidate.name}
        subtitle={
          erased ? (
            <>
              Erased on <Moment at={candidate.erasedAt!} dateOnly />
            </>
          ) : (
            [candidate.email, candidate.location, candidate.timezone].filter(Boolean).join(" · ")
          )
        }
        actions={<CandidateActions data={data} />}
      />
      {saved ? <Notice>{savedNotices[saved] ?? "Changes saved."}</Notice> : null}
      {erasedPredecessor ? (
        <p className="alert alert-warn">
          Applied before: this email belonged to a candidate erased on{" "}
          <Moment at={erasedPredecessor.erasedAt} dateOnly /> (Erased candidate #{erasedPredecessor.id}). Nothing of
          that record is kept but its de-identified scores.
        </p>
      ) : null}
      <div className="grid grid-2">
        <div>
          {erased ? (
            <section className="card" aria-labelledby="about">
              <h2 id="about">About</h2>
              <p className="muted">This candidate was erased at their request or by a retention rule.</p>
            </section>
          ) : (
            <AboutCandidate candidate={candidate} pay={pay} />
          )}
        </div>
        <div>
          <section className="card" aria-labelledby="apps">
            <h2 id="apps">Applications</h2>
            {applications.length === 0 ? (
              <p className="muted">Not in any pipeline you can see.</p>
            ) : (
              <ul className="plain">
                {applications.map((a) => (
                  <li key={a.id} className="row-between">
                    <Link to={`/applications/${a.id}`}>{a.roleTitle}</Link> <StageBadge stage={a.stage} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          {checks ? <PersonChecks checks={checks} /> : null}
          <ConsentSection candidate={candidate} today={today} />
          {legalHolds ? <HoldsSection candidateId={candidate.id} holds={legalHolds} today={today} /> : null}
        </div>
      </div>
    </>
  );
}
