// What a viewer may see of a role rollup: costs only with read:pay; scores
// only where the blind rule allows; anonymous-grading aliases for graders.
import { holds, scopesFor } from "~/domain/policy";
import type { TeamRole, UserKind } from "~/domain/reference";
import { applicationsScoredBy } from "./feedback.server";
import { maskFor } from "./masking.server";
import { roleBlind } from "./role.server";
import type { RoleRollup } from "./rollup.server";

export function rollupForViewer(rollup: RoleRollup, viewer: { id: number; kind: UserKind }, teamRole: TeamRole | null) {
  const seesCost = holds(viewer.kind, "read:pay", teamRole);
  const seesAllScores = scopesFor(viewer.kind, "read:application").includes("any") || teamRole === "hiring_manager" || !roleBlind(rollup.role.id);
  const scored = seesAllScores ? null : applicationsScoredBy(viewer.id, rollup.role.id);
  const mask = maskFor(viewer.id);
  const rows = rollup.rows.map(({ cost, ...row }, i) => {
    const masked = mask.applicationIds.has(row.id);
    const hideScores = masked || (scored !== null && !scored.has(row.id));
    return {
      ...row,
      id: masked ? -(i + 1) : row.id,
      name: mask.alias.get(row.id) ?? row.name,
      masked,
      scoresHidden: hideScores,
      weightedTotal: hideScores ? null : row.weightedTotal,
      areas: hideScores ? {} : row.areas,
      maxSpread: hideScores ? 0 : row.maxSpread,
      tally: hideScores ? {} : row.tally,
      takeHome: hideScores ? null : row.takeHome,
      cost: seesCost ? cost : null,
    };
  });
  const { assumptions, ...rest } = rollup;
  return { ...rest, rows, assumptions: seesCost ? assumptions : null, seesCost };
}
