import { agreementText, type Agreement } from "~/domain/agreement";
import { formatCount } from "./ui";

/**
 * Alpha with what it rests on: "0.62 · 100 pairable ratings", or "not enough overlap yet · 12 pairable ratings";
 * in a table column whose header names the figure, "0.62 · 100 pairable".
 */
export function AgreementFigure({ agreement, compact = false }: { agreement: Agreement; compact?: boolean }) {
  const thin = agreement.thin !== null;
  return (
    <span className="agreement">
      {thin ? <span className="muted">{agreementText(agreement)}</span> : <strong>{agreementText(agreement)}</strong>}
      <span className="muted small">
        {" "}
        · {formatCount(agreement.pairable)} pairable{compact ? "" : agreement.pairable === 1 ? " rating" : " ratings"}
      </span>
    </span>
  );
}
