// One strike's claims side by side: a column per source article, with its toll, claims and
// the sentences the strike was read from.
import { article } from "./api.js";
import { el } from "./dom.js";
import { describe, isDisputed, killedRange, killedText, place, title, when } from "./strike_facts.js";

function casualtyLines(casualties) {
  if (!casualties) return [el("p", { class: "muted", text: "No toll given." })];
  const lines = [];
  const range = killedText(casualties);
  if (range) {
    const given = casualties.killed && casualties.killed !== range ? ` (“${casualties.killed}”)` : "";
    lines.push(el("p", {}, el("strong", { text: "Killed: " }), `${range}${given}`));
  }
  if (casualties.injured) lines.push(el("p", {}, el("strong", { text: "Injured: " }), casualties.injured));
  if (casualties.who) lines.push(el("p", {}, el("strong", { text: "Who: " }), casualties.who));
  return lines.length ? lines : [el("p", { class: "muted", text: "No toll given." })];
}

function parties(strike) {
  const byParty = new Map();
  for (const claim of strike.claims) {
    const key = claim.by.trim().toLowerCase();
    if (!byParty.has(key)) byParty.set(key, { by: claim.by, says: [], articles: new Set() });
    byParty.get(key).says.push(claim.says);
    byParty.get(key).articles.add(claim.article_id);
  }
  return [...byParty.values()];
}

function partyCard(party, strike) {
  const tolls = strike.sources.filter((s) => party.articles.has(s.article_id)).map((s) => killedText(s.casualties));
  const toll = [...new Set(tolls.filter(Boolean))].join(" / ");
  return el("article", { class: "party", role: "listitem" },
    el("h4", { text: party.by }),
    el("ul", { class: "claims" }, party.says.map((says) => el("li", {}, el("q", { text: says })))),
    el("p", { class: "muted", text: toll ? `Toll in that report: ${toll} killed` : "No toll in that report." }));
}

function sourceColumn(source) {
  const heading = el("h4", { text: source.article_id });
  article(source.article_id).then((info) => {
    if (info && info.title) heading.textContent = info.title;
    if (info && (info.source || info.published_at)) {
      heading.after(el("p", { class: "muted", text: [info.source, info.published_at].filter(Boolean).join(", ") }));
    }
  });
  return el("article", { class: "source", role: "listitem", "data-article-id": source.article_id },
    heading,
    ...casualtyLines(source.casualties),
    source.targets.length ? el("p", {}, el("strong", { text: "Targets: " }), source.targets.join("; ")) : null,
    el("p", { class: "muted", text: `${source.claims.length} claim${source.claims.length === 1 ? "" : "s"} reported` }),
    el("h5", { text: "The sentences it came from" }),
    el("ul", { class: "evidence" }, source.evidence.map((e) => el("li", {}, el("blockquote", { text: e.sentence })))));
}

function summary(strike) {
  const facts = [
    ["Date", when(strike)],
    ["Where", place(strike) || "unknown"],
    ["Killed (all sources)", killedRange(strike) || "not given"],
    ["Also called", strike.actor_aliases.join(", ")],
    ["Targets", strike.targets.join("; ")],
  ].filter(([, value]) => value);
  return el("dl", { class: "facts" }, facts.map(([name, value]) => [el("dt", { text: name }), el("dd", { text: value })]));
}

export function openStrike(strike) {
  const dialog = document.getElementById("strike-dialog");
  document.getElementById("strike-dialog-title").textContent = title(strike);
  const body = document.getElementById("strike-dialog-body");
  const who = parties(strike);
  body.replaceChildren(
    isDisputed(strike) ? el("p", { class: "disputed-note", text: "Disputed: the sources do not agree." }) : null,
    summary(strike),
    el("h3", { text: "Who says what" }),
    who.length
      ? el("div", { class: "parties", role: "list", "aria-label": "Claims by party" }, who.map((p) => partyCard(p, strike)))
      : el("p", { class: "muted", text: "No party is quoted: the articles tell it in their own voice." }),
    el("h3", { text: `Sources (${strike.sources.length})` }),
    el("div", { class: "sources", role: "list", "aria-label": `Sources of ${describe(strike)}` },
      strike.sources.map(sourceColumn)),
  );
  dialog.dataset.strikeKey = strike.strike_key;
  if (!dialog.open) dialog.showModal();
}

export function setUpDialog() {
  const dialog = document.getElementById("strike-dialog");
  document.getElementById("strike-dialog-close").addEventListener("click", () => dialog.close());
  // A click on the backdrop (the dialog box itself, outside its content) closes it.
  dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });
}
