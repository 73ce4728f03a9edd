import { FunnelChart } from "~/components/charts";
import type { RollupData } from "./types";

/** The role's funnel: the chart, then per stage how many are there now, reached it, passed through, and for how long. */
export function FunnelCard({ funnel }: { funnel: RollupData["funnel"] }) {
  return (
    <section className="card" aria-labelledby="funnel">
      <h2 id="funnel">Funnel</h2>
      <FunnelChart data={funnel.map((f) => ({ stage: f.label, reached: f.reached, current: f.current }))} />
      <div className="table-wrap">
        <table className="small">
          <caption className="muted small">
            Pass-through: the share of those who reached the stage before who reached this one. Median days: time in the
            stage, for stays that ended and for those still waiting (counted to today).
          </caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Now</th>
              <th scope="col">Reached</th>
              <th scope="col">Pass-through</th>
              <th scope="col">Median days</th>
            </tr>
          </thead>
          <tbody>
            {funnel.map((f) => (
              <tr key={f.stage}>
                <th scope="row">{f.label}</th>
                <td>{f.current}</td>
                <td>{f.reached}</td>
                <td>{f.passThroughText}</td>
                <td>{f.medianDays ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
