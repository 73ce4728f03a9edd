import { Fragment } from "react";
import { CheckEditor } from "~/components/check-editor";
import { CheckBadge } from "~/components/checks";
import { formatDate, Notice } from "~/components/ui";
import { checkHistoryText, checkTypeLabels, classificationLabels, type CheckType } from "~/domain/compliance";
import type { ApplicationData } from "./types";
import { Moment } from "~/components/moment";

type Compliance = NonNullable<ApplicationData["compliance"]>;
type Check = Compliance["checks"][number];

/** Whether an offer may go out, then each check with its facts, history and (for HR) its editor. */
export function ComplianceSection(props: { applicationId: number; compliance: Compliance; saved: string | null }) {
  const { applicationId, compliance, saved } = props;
  return (
    <section className="card" aria-labelledby="checks" id="checks">
      <h2 id="checks-heading">Compliance</h2>
      {compliance.gate.ok ? (
        <p className="alert alert-ok">All required checks are verified or waived: an offer can go out.</p>
      ) : (
        <p className="alert alert-warn">{compliance.gate.message.replace("Cannot move to Offer", "No offer")}</p>
      )}
      {/* Beside the checks, not at the top of the page: HR updating several checks keeps their place. */}
      {saved ? <Notice>{checkTypeLabels[saved as CheckType] ?? "Check"} saved.</Notice> : null}
      {compliance.checks.map((c) => (
        <CheckRow key={c.type} check={c} applicationId={applicationId} canEdit={compliance.canEdit} />
      ))}
    </section>
  );
}

/** The changed field names of a history entry, when its loader passes them; null for "not known". */
const fieldsOf = (h: object): string[] | null => ("fields" in h && Array.isArray(h.fields) ? h.fields : null);

function CheckRow({ check: c, applicationId, canEdit }: { check: Check; applicationId: number; canEdit: boolean }) {
  return (
    <details className="check-row">
      <summary>
        <span className="check-name">
          {checkTypeLabels[c.type]} {c.required ? <span className="muted small">required</span> : null}
          <span className="muted small"> · {c.scope === "person" ? "held by the person" : "for this engagement"}</span>
        </span>
        <CheckBadge status={c.status} />
      </summary>
      <CheckFacts check={c} />
      {c.history.length ? (
        <ul className="history small">
          {c.history.map((h, i) => (
            <li key={i}>
              <Moment at={h.changedAt} />: {h.changedBy ?? "someone"}{" "}
              {checkHistoryText({ status: h.status, fields: fieldsOf(h) })}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? <CheckEditor applicationId={applicationId} check={c.editable} /> : null}
    </details>
  );
}

/** The check's recorded facts, each only when there is one. */
function CheckFacts({ check: c }: { check: Check }) {
  const facts: [string, string | null | undefined][] = [
    ["Classification", c.editable.classification ? classificationLabels[c.editable.classification] : null],
    [c.type === "worker_classification" ? "Rationale" : "Note", c.editable.rationale],
    ["Waived because", c.editable.waiverReason],
    ["Evidence", c.editable.evidenceRef],
    ["Requested", c.requestedAt ? formatDate(c.requestedAt) : null],
    ["Expires", c.editable.expiresAt ? formatDate(c.editable.expiresAt) : null],
    ["Findings", c.editable.detail],
  ];
  return (
    <dl className="facts small">
      {facts.map(([label, value]) =>
        value ? (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ) : null,
      )}
    </dl>
  );
}
