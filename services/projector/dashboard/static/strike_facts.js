// Plain readings of a strike document (GET /strikes), shared by the table, timeline and dialog.

export function killedText(casualties) {
  if (!casualties) return "";
  const { killed, killed_min: min, killed_max: max } = casualties;
  if (min !== null && max !== null && min !== undefined && max !== undefined) {
    return min === max ? String(min) : `${min}–${max}`;
  }
  if (min !== null && min !== undefined) return `${min}+`;
  return killed || "";
}

function tollKey(casualties) {
  if (!casualties) return null;
  const { killed_min: min, killed_max: max, killed } = casualties;
  if (min === null && max === null && !killed) return null;
  return `${min}|${max}|${(killed || "").toLowerCase()}`;
}

// Disputed: more than one party tells its version, or the sources' tolls differ.
export function isDisputed(strike) {
  const parties = new Set(strike.claims.map((claim) => claim.by.trim().toLowerCase()));
  const tolls = new Set(strike.sources.map((source) => tollKey(source.casualties)).filter(Boolean));
  return parties.size > 1 || tolls.size > 1;
}

// The widest casualty range over all sources, for the table.
export function killedRange(strike) {
  const mins = [], maxs = [];
  for (const source of strike.sources) {
    const c = source.casualties;
    if (!c) continue;
    if (c.killed_min !== null && c.killed_min !== undefined) mins.push(c.killed_min);
    if (c.killed_max !== null && c.killed_max !== undefined) maxs.push(c.killed_max);
  }
  if (!mins.length && !maxs.length) return killedText(strike.casualties);
  const low = mins.length ? Math.min(...mins) : null;
  const high = maxs.length ? Math.max(...maxs) : null;
  if (low !== null && high !== null) return low === high ? String(low) : `${low}–${high}`;
  return low !== null ? `${low}+` : `up to ${high}`;
}

export function place(strike) {
  const { country, region, place: spot } = strike.location;
  return [spot, region, country].filter(Boolean).filter((v, i, all) => all.indexOf(v) === i).join(", ");
}

export function title(strike) {
  const campaign = strike.campaign ? " campaign" : "";
  return `${strike.actor} ${strike.kind}${campaign}`;
}

// The date with its precision when that is coarser than a day ("2025-10, known to the week").
export function when(strike) {
  if (!strike.date) return "undated";
  const precision = strike.date_precision;
  return precision && precision !== "day" ? `${strike.date}, known to the ${precision}` : strike.date;
}

export function describe(strike) {
  const parts = [title(strike), when(strike), place(strike)];
  if (isDisputed(strike)) parts.push("disputed");
  return parts.filter(Boolean).join(", ");
}
