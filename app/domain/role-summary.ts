// What a role card or row shows about a role's brief and staffing advice.
import { briefReadiness, type RoleBrief } from "./brief";
import { adviseEngagement, type RoutingAnswers } from "./engagement";

export function summarizeRole(role: RoleBrief & RoutingAnswers, today: Date) {
  return {
    readiness: briefReadiness(role),
    advice: adviseEngagement({
      answers: {
        qCustomModels: role.qCustomModels,
        qHostedApis: role.qHostedApis,
        qDataBlocker: role.qDataBlocker,
        qLongTermOwnership: role.qLongTermOwnership,
        qBoundedFeature: role.qBoundedFeature,
        qInfraAdvantage: role.qInfraAdvantage,
      },
      launchDate: role.briefLaunchDate,
      today,
    }),
  };
}
