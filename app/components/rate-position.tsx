// Where a stated rate sits among the market ranges, next to the figure. Rendered only
// beside pay the loader already let through: it adds no figure of its own.
import { ratePosition, type RatePosition, type RateScale } from "~/domain/rates";

export function RatePositionNote({ position }: { position: RatePosition | null }) {
  if (!position) return null;
  return (
    <span className={`rate-position small ${position.position === "within" ? "muted" : "flag"}`}>{position.text}</span>
  );
}

/** The positions of a rate, or a range, on each of the given scales, one per line. */
export function RatePositions(props: { min?: number | null; max: number; currency: string; scales: RateScale[] }) {
  const positions = props.scales
    .map((scale) => ratePosition({ min: props.min, max: props.max, currency: props.currency, scale }))
    .filter((p): p is RatePosition => p !== null);
  if (positions.length === 0) return null;
  return (
    <span className="rate-positions">
      {positions.map((p) => (
        <RatePositionNote key={p.scale} position={p} />
      ))}
    </span>
  );
}
