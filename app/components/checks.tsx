import { checkStatusLabels, type CheckStatus } from "~/domain/compliance";
import { stageLabels, type Stage } from "~/domain/pipeline";

const tone: Record<CheckStatus, string> = {
  not_requested: "badge-closed",
  requested: "badge-on_hold",
  received: "badge-filled",
  verified: "badge-open",
  waived: "badge-open",
  failed: "badge-bad",
  expired: "badge-bad",
};

export function CheckBadge({ status }: { status: CheckStatus }) {
  return <span className={`badge ${tone[status]}`}>{checkStatusLabels[status]}</span>;
}

export function StageBadge({ stage }: { stage: Stage }) {
  const cls =
    stage === "hired"
      ? "badge-open"
      : stage === "rejected" || stage === "withdrawn"
        ? "badge-closed"
        : stage === "offer"
          ? "badge-filled"
          : "badge-draft";
  return <span className={`badge ${cls}`}>{stageLabels[stage]}</span>;
}
