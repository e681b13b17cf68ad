// The strikes view: filters, the timeline and the table, reloaded when a new article is done.
import { getAll, getJSON } from "./api.js";
import { announce, debounce, el } from "./dom.js";
import { openStrike } from "./strike_dialog.js";
import { describe, isDisputed, killedRange, place, title } from "./strike_facts.js";
import { renderTimeline } from "./timeline.js";

const FILTERS = ["actor", "country", "kind", "date_from", "date_to"];
let shown = [];
let known = null; // strike keys seen so far, to mark what a live update added

function filters() {
  const form = document.getElementById("strike-filters");
  const values = {};
  for (const name of FILTERS) values[name] = form.elements[name].value;
  return values;
}

function fillOptions(select, values) {
  const current = select.value;
  const first = select.options[0];
  select.replaceChildren(first, ...values.map((value) => el("option", { value, text: value })));
  // A filter that still has strikes keeps its choice across a reload.
  select.value = values.includes(current) ? current : "";
}

function unique(values) {
  return [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

function row(strike, fresh) {
  const disputed = isDisputed(strike);
  const open = el("button", { type: "button", class: "link", "aria-label": `${describe(strike)}: show claims`,
    onclick: () => openStrike(strike) }, title(strike));
  return el("tr", { "data-strike-key": strike.strike_key, class: fresh ? "fresh" : null, onclick: (event) => {
    if (event.target.closest("button") === null) openStrike(strike);
  } },
  el("td", { class: "nowrap", "data-label": "Date", text: strike.date || "undated" }),
  el("td", { "data-label": "Strike" },
    el("span", {}, open, disputed ? el("span", { class: "tag tag-disputed", text: "disputed" }) : null)),
  el("td", { "data-label": "Where", text: place(strike) }),
  el("td", { class: "num", "data-label": "Killed", text: killedRange(strike) }),
  el("td", { class: "num", "data-label": "Sources", text: String(strike.articles) }));
}

function newestFirst(a, b) {
  return (b.date || "").localeCompare(a.date || "") || a.actor.localeCompare(b.actor);
}

function render() {
  const fresh = known ? new Set(shown.map((s) => s.strike_key).filter((k) => !known.has(k))) : new Set();
  const body = document.querySelector("#strike-table tbody");
  body.replaceChildren(...shown.map((strike) => row(strike, fresh.has(strike.strike_key))));
  if (!shown.length) body.append(el("tr", {}, el("td", { colspan: 5, text: "No strikes match." })));
  const lanes = document.getElementById("filter-lanes").value;
  renderTimeline(document.getElementById("timeline"), shown, lanes, openStrike);
  const disputed = shown.filter(isDisputed).length;
  document.getElementById("strike-summary").textContent =
    `${shown.length} strike${shown.length === 1 ? "" : "s"}, ${disputed} disputed.`;
  if (fresh.size) announce(`${fresh.size} new strike${fresh.size === 1 ? "" : "s"}`);
}

async function refreshOptions() {
  const all = await getAll("/strikes");
  fillOptions(document.getElementById("filter-actor"), unique(all.map((s) => s.actor)));
  fillOptions(document.getElementById("filter-country"), unique(all.map((s) => s.location.country)));
  fillOptions(document.getElementById("filter-kind"), unique(all.map((s) => s.kind)));
  return all;
}

let generation = 0;

// Reload from the API. `waitFor` is an article just extracted, whose strikes the read model may
// not hold yet: the API first waits until it does (read-your-writes).
export async function loadStrikes(waitFor = null) {
  const mine = ++generation;
  if (waitFor) {
    await getJSON("/strikes", { wait_for_article: waitFor, wait_ms: 10000, limit: 1 }).catch(() => null);
  }
  const all = await refreshOptions();
  const chosen = filters();
  const result = Object.values(chosen).some(Boolean) ? await getAll("/strikes", chosen) : all;
  if (mine !== generation) return; // a later reload is under way; its answer is newer
  shown = result.sort(newestFirst);
  render();
  known = new Set(all.map((s) => s.strike_key));
  document.getElementById("view-strikes").dataset.loaded = "true";
}

export function setUpStrikes() {
  const form = document.getElementById("strike-filters");
  form.addEventListener("change", (event) => {
    if (event.target.name === "lanes") render();
    else loadStrikes();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => loadStrikes(), 0));
  window.addEventListener("resize", debounce(render, 200));
}
