import { Link } from "@remix-run/react";
import { AgreementFigure } from "~/components/agreement";
import { AreaBars } from "~/components/charts";
import { formatMoney } from "~/components/ui";
import type { RollupData } from "./types";

/** The role's average per area, the panel's agreement, and (for those who see pay) the cost assumptions. */
export function AreaAveragesCard({ d }: { d: RollupData }) {
  return (
    <section className="card" aria-labelledby="areas">
      <h2 id="areas">Average per area</h2>
      {Object.values(d.roleAverages).some((v) => v !== null) ? (
        <AreaBars
          width={440}
          areas={d.areas}
          series={[{ name: "Role average", values: d.roleAverages }]}
          label="Average rating per scorecard area across scored candidates"
        />
      ) : (
        <p className="muted">
          No scores you can see yet: with blind feedback, the panel&rsquo;s ratings show once you have submitted your
          own scorecards.
        </p>
      )}
      <p className="agreement-line">
        Panel agreement (&alpha;): <AgreementFigure agreement={d.agreement} />
        <span className="muted small">
          {" "}
          on {d.agreement.units} candidate {d.agreement.units === 1 ? "area" : "areas"} rated by two or more
        </span>
      </p>
      <p className="muted small">{d.agreementExplanation}</p>
      {d.assumptions ? (
        <CostAssumptions assumptions={d.assumptions} currency={d.role.currency} roleId={d.role.id} />
      ) : null}
    </section>
  );
}

function CostAssumptions({
  assumptions: a,
  currency,
  roleId,
}: {
  assumptions: NonNullable<RollupData["assumptions"]>;
  currency: string;
  roleId: number;
}) {
  return (
    <details>
      <summary>Cost assumptions for this role</summary>
      <dl className="facts small">
        <dt>Benefits, payroll, equipment</dt>
        <dd>{a.overheadPct}% of salary</dd>
        <dt>Recruiting</dt>
        <dd>{formatMoney(a.recruitingCost, currency)}</dd>
        <dt>Interview and onboarding</dt>
        <dd>
          {a.teamHours} h × {formatMoney(a.teamHourlyCost, currency)}
        </dd>
        <dt>Tooling</dt>
        <dd>{formatMoney(a.toolingCost, currency)}</dd>
        <dt>Ramp-up</dt>
        <dd>{a.rampMonths} months at half output</dd>
        <dt>Wrong-role risk</dt>
        <dd>{a.wrongRoleRiskPct}% of salary</dd>
        <dt>Contract hours</dt>
        <dd>
          {a.expectedHours} h; overrun {a.contractorOverrunPct}% contractors, {a.freelancerOverrunPct}% freelancers
        </dd>
      </dl>
      <Link to={`/roles/${roleId}/costs`}>Edit assumptions and agency quotes</Link>
    </details>
  );
}
