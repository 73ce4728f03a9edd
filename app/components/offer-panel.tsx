// An application's offer at a glance: terms, where its approval stands, who
// decided what. Only rendered with data from loaders that checked read:offer.
import { Link } from "@remix-run/react";
import type { OfferStatus } from "~/domain/offer";
import { offerStatusLabels } from "~/domain/offer";
import { scaleForPay } from "~/domain/rates";
import { payKindLabels, type ApplicationEngagement, type PayKind } from "~/domain/reference";
import { RatePositions } from "./rate-position";
import { formatDate, formatMoney } from "./ui";

export type OfferSummary = {
  termsVersion: number;
  payKind: PayKind;
  amount: number;
  currency: string;
  startDate: string;
  termsNote: string | null;
  status: OfferStatus;
  acceptedOn: string | null;
  acceptedBy: string | null;
  createdBy: string | null;
  approval: { approvals: number; needed: number };
  rule: string;
  approvers: { id: number; name: string; decision: "approve" | "decline" | null; comment: string | null }[];
};

const statusBadge: Record<OfferStatus, string> = {
  pending_approval: "badge badge-on_hold",
  approved: "badge badge-open",
  declined: "badge badge-bad",
  accepted: "badge badge-filled",
  withdrawn: "badge badge-closed",
};

export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  return <span className={statusBadge[status]}>{offerStatusLabels[status]}</span>;
}

/** "$210,000 a year", "$150 an hour", "$48,000 fixed". */
export function payText(offer: { payKind: PayKind; amount: number; currency: string }): string {
  const money = formatMoney(offer.amount, offer.currency);
  return offer.payKind === "annual"
    ? `${money} a year`
    : offer.payKind === "hourly"
      ? `${money} an hour`
      : `${money} fixed`;
}

/** An approver who has not decided reads "not needed" once enough others approved (N of M). */
function decisionText(d: "approve" | "decline" | null, approved: boolean): string {
  return d === "approve" ? "approved" : d === "decline" ? "declined" : approved ? "not needed" : "not yet";
}

export function OfferTermsList({
  offer,
  engagement = null,
}: {
  offer: OfferSummary;
  /** How the person would be engaged: it picks the market range the pay is read against. */
  engagement?: ApplicationEngagement | null;
}) {
  const scale = scaleForPay(offer.payKind, engagement);
  return (
    <dl className="facts offer-facts">
      <dt>Pay</dt>
      <dd>
        {payText(offer)} <span className="muted small">({payKindLabels[offer.payKind].toLowerCase()})</span>
        <RatePositions max={offer.amount} currency={offer.currency} scales={scale ? [scale] : []} />
      </dd>
      <dt>Start date</dt>
      <dd>{formatDate(offer.startDate)}</dd>
      {offer.termsNote ? (
        <>
          <dt>Terms note</dt>
          <dd className="prewrap">{offer.termsNote}</dd>
        </>
      ) : null}
      <dt>Terms</dt>
      <dd>
        Version {offer.termsVersion}
        {offer.createdBy ? ` · offer by ${offer.createdBy}` : ""}
      </dd>
    </dl>
  );
}

export function OfferApprovals({ offer }: { offer: OfferSummary }) {
  return (
    <>
      <p className="small offer-count">
        <strong>
          {offer.approval.approvals} of {offer.approval.needed} {offer.approval.needed === 1 ? "approval" : "approvals"}
        </strong>{" "}
        for these terms · {offer.rule}
      </p>
      {offer.approvers.length ? (
        <ul className="plain small">
          {offer.approvers.map((a) => (
            <li key={a.id} className="row-between">
              <span>
                {a.name}
                {a.comment ? <span className="muted"> · &ldquo;{a.comment}&rdquo;</span> : null}
              </span>
              <span
                className={
                  a.decision === "decline" ? "badge badge-bad" : a.decision === "approve" ? "badge badge-open" : "badge"
                }
              >
                {decisionText(a.decision, offer.status === "approved" || offer.status === "accepted")}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {offer.acceptedOn ? (
        <p className="small">
          Accepted on {formatDate(offer.acceptedOn)}
          {offer.acceptedBy ? `, recorded by ${offer.acceptedBy}` : ""}.
        </p>
      ) : null}
    </>
  );
}

/** The application page's block: the offer's state and a link to its page. */
export function OfferPanel(props: {
  applicationId: number;
  offer: OfferSummary | null;
  canEdit: boolean;
  rule: string;
  engagement?: ApplicationEngagement | null;
}) {
  const { applicationId, offer, canEdit } = props;
  return (
    <section className="card" aria-labelledby="offer-heading">
      <div className="row-between no-border">
        <span className="actions">
          <h2 id="offer-heading">Offer</h2>
          {offer ? <OfferStatusBadge status={offer.status} /> : null}
        </span>
        <Link to={`/applications/${applicationId}/offer`} className="btn">
          {offer || !canEdit ? "Open offer" : "Draft an offer"}
        </Link>
      </div>
      {offer ? (
        <>
          <OfferTermsList offer={offer} engagement={props.engagement} />
          <OfferApprovals offer={offer} />
        </>
      ) : (
        <p className="muted">
          No offer yet. Moving to Offer needs an approved one (
          {props.rule.charAt(0).toLowerCase() + props.rule.slice(1)}).
        </p>
      )}
    </section>
  );
}
