// The strike timeline: one lane per actor (or country), one mark per strike at its day.
// A strike known only to the month is a bar over that month. Drawn as SVG to the panel's width.
import { svg } from "./dom.js";
import { describe, isDisputed } from "./strike_facts.js";

const DAY = 86_400_000;
const LANE = 30;
const AXIS = 26;

// A strike's stretch of time: its day, its week when only the week is known, else its month.
function span(date, precision) {
  const [year, month, day] = date.split("-").map(Number);
  if (day) {
    const start = Date.UTC(year, month - 1, day);
    return { start, end: start + (precision === "week" ? 7 : 1) * DAY, month: precision === "week" };
  }
  return { start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 1), month: true };
}

function domain(spans) {
  let low = Math.min(...spans.map((s) => s.start));
  let high = Math.max(...spans.map((s) => s.end));
  const pad = Math.max((high - low) * 0.03, 2 * DAY);
  return [low - pad, high + pad];
}

function tickLabel(ms, wide) {
  const iso = new Date(ms).toISOString();
  return wide ? iso.slice(0, 7) : iso.slice(0, 10);
}

function axis(scale, [low, high], width, left) {
  const group = svg("g", { class: "axis", "aria-hidden": "true" });
  const count = Math.max(2, Math.floor((width - left) / 120));
  const wide = high - low > 400 * DAY;
  for (let i = 0; i <= count; i += 1) {
    const ms = low + ((high - low) * i) / count;
    const x = scale(ms);
    group.append(svg("line", { x1: x, x2: x, y1: AXIS - 6, y2: AXIS, class: "tick" }));
    const anchor = i === 0 ? "start" : i === count ? "end" : "middle";
    group.append(svg("text", { x, y: AXIS - 10, "text-anchor": anchor, text: tickLabel(ms, wide) }));
  }
  return group;
}

function mark(strike, x, endX, y, onOpen) {
  const disputed = isDisputed(strike);
  const label = describe(strike);
  const group = svg("g", {
    class: `mark-g${disputed ? " disputed" : ""}`,
    tabindex: 0,
    role: "button",
    "aria-label": `${label}: show claims`,
    "data-strike-key": strike.strike_key,
    onclick: () => onOpen(strike),
    onkeydown: (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        onOpen(strike);
      }
    },
  });
  group.append(svg("title", { text: label }));
  group.append(svg("circle", { cx: x, cy: y, r: 11, class: "ring" }));
  if (endX - x > 4) {
    group.append(svg("rect", { x, y: y - 4, width: endX - x, height: 8, class: "month-bar" }));
  } else if (disputed) {
    group.append(svg("path", { d: `M${x} ${y - 8}L${x + 8} ${y}L${x} ${y + 8}L${x - 8} ${y}Z`, class: "dot" }));
  } else {
    group.append(svg("circle", { cx: x, cy: y, r: 6, class: "dot" }));
  }
  return group;
}

function lanesOf(strikes, laneBy) {
  const lanes = new Map();
  for (const strike of strikes) {
    const name = laneBy === "country" ? strike.location.country || "Unknown country" : strike.actor;
    if (!lanes.has(name)) lanes.set(name, []);
    lanes.get(name).push(strike);
  }
  return [...lanes.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

export function renderTimeline(container, strikes, laneBy, onOpen) {
  container.replaceChildren();
  const dated = strikes.filter((s) => s.date);
  const undated = strikes.length - dated.length;
  if (!dated.length) {
    container.append(document.createTextNode(strikes.length ? "No dated strike to place." : "No strikes yet."));
    return;
  }
  const width = Math.max(container.clientWidth, 300);
  const left = width < 520 ? 96 : 150;
  const lanes = lanesOf(dated, laneBy);
  const [low, high] = domain(dated.map((s) => span(s.date, s.date_precision)));
  const scale = (ms) => left + ((ms - low) / (high - low)) * (width - left - 12);
  const height = AXIS + lanes.length * LANE + 6;
  const root = svg("svg", {
    width, height, viewBox: `0 0 ${width} ${height}`, role: "group",
    "aria-label": `Timeline of ${dated.length} dated strikes by ${laneBy}`,
  });
  root.append(axis(scale, [low, high], width, left));
  lanes.forEach(([name, items], index) => {
    const y = AXIS + index * LANE + LANE / 2;
    const lane = svg("g", { class: "lane", "data-lane": name });
    lane.append(svg("line", { x1: left, x2: width - 6, y1: y, y2: y, class: "lane-line" }));
    const short = name.length > (left < 150 ? 12 : 20) ? `${name.slice(0, left < 150 ? 11 : 19)}…` : name;
    lane.append(svg("text", { x: 4, y: y + 4, class: "lane-label", text: short }, svg("title", { text: name })));
    for (const strike of items) {
      const { start, end, month } = span(strike.date, strike.date_precision);
      const x = scale(start);
      lane.append(mark(strike, x, month ? scale(end) : x, y, onOpen));
    }
    root.append(lane);
  });
  container.append(root);
  if (undated) {
    const note = document.createElement("p");
    note.className = "note";
    note.textContent = `${undated} undated strike${undated === 1 ? " is" : "s are"} in the table only.`;
    container.append(note);
  }
}
