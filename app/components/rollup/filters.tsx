import { FilterForm } from "~/components/filter-form";
import { formatCount } from "~/components/ui";
import type { RollupData } from "./types";

/** Stage and engagement filters; the current order rides along so filtering keeps it. */
export function RollupFilters({ d }: { d: RollupData }) {
  return (
    <FilterForm
      values={{ stage: d.filter.stage, engagement: d.filter.engagement }}
      className="filters"
      autoSubmit
      announce={`${formatCount(d.rowCount)} ${d.rowCount === 1 ? "candidate or agency bid" : "candidates and agency bids"}`}
    >
      <label>
        Stage
        <select name="stage" defaultValue={d.filter.stage}>
          <option value="">All stages</option>
          <option value={d.filterOptions.openStages}>All open stages</option>
          {d.filterOptions.stages.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Engagement
        <select name="engagement" defaultValue={d.filter.engagement}>
          <option value="">All</option>
          {d.filterOptions.engagements.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label}
            </option>
          ))}
        </select>
      </label>
      <input type="hidden" name="sort" value={d.filter.sort} />
      <input type="hidden" name="dir" value={d.filter.dir} />
      <noscript>
        <button type="submit" className="btn">
          Apply
        </button>
      </noscript>
    </FilterForm>
  );
}
