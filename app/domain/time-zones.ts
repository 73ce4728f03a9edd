// The time zones a user can choose from, grouped for a <select>. The list comes
// from the runtime (the server renders it, so the browser shows the same one).

export type TimeZoneGroup = { region: string; zones: { value: string; label: string }[] };

/** Every IANA zone this runtime knows (in its order, which is alphabetical), UTC first, plus `current` if the runtime lists it under another name. */
export function listTimeZones(current?: string | null): string[] {
  knownZones ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  if (!current || knownZones.includes(current)) return knownZones;
  return ["UTC", ...[...knownZones.slice(1), current].sort()];
}

/** The runtime's list does not change while it runs. */
let knownZones: string[] | undefined;

/** "America/Argentina/Buenos_Aires" reads "Argentina / Buenos Aires" under "America". */
function placeLabel(zone: string): string {
  const rest = zone.includes("/") ? zone.slice(zone.indexOf("/") + 1) : zone;
  return rest.replaceAll("_", " ").replaceAll("/", " / ");
}

/** Zones grouped by their region (the part before the first "/"); zones without one go under "Other". */
export function groupTimeZones(zones: string[]): TimeZoneGroup[] {
  const groups = new Map<string, TimeZoneGroup>();
  for (const zone of zones) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    const group = groups.get(region) ?? { region, zones: [] };
    group.zones.push({ value: zone, label: placeLabel(zone) });
    groups.set(region, group);
  }
  return [...groups.values()];
}
