// The speakers view: a searchable directory; a speaker's statements grouped by article,
// direct quotes and reported (indirect) speech told apart in words as well as in style.
import { article, getAll, getJSON } from "./api.js";
import { debounce, el } from "./dom.js";

let selected = null;

function speakerName(speaker) {
  return speaker.name || `Unnamed: ${speaker.description || "source"}`;
}

function speakerItem(speaker) {
  const details = [...speaker.titles, ...speaker.affiliations].join(" · ");
  const counts = `${speaker.statements} statement${speaker.statements === 1 ? "" : "s"} in ${speaker.articles} article${speaker.articles === 1 ? "" : "s"}`;
  const button = el("button", { type: "button", class: "speaker", "aria-pressed": String(selected === speaker.speaker_key),
    "data-speaker-key": speaker.speaker_key, onclick: () => showSpeaker(speaker) },
    el("span", { class: "speaker-name", text: speakerName(speaker) }),
    speaker.anonymous ? el("span", { class: "tag", text: "anonymous" }) : null,
    details ? el("span", { class: "muted block", text: details }) : null,
    el("span", { class: "muted block", text: counts }));
  return el("li", {}, button);
}

function statementItem(statement) {
  const direct = statement.kind === "direct";
  return el("li", { class: `statement ${statement.kind}` },
    el("span", { class: `tag tag-${statement.kind}`, text: direct ? "Direct quote" : "Indirect (reported)" }),
    direct ? el("q", { text: statement.quote }) : el("span", { class: "reported", text: statement.quote }),
    statement.cue ? el("span", { class: "muted", text: ` — ${statement.cue}` }) : null);
}

function groupByArticle(statements) {
  const groups = new Map();
  for (const statement of statements) {
    if (!groups.has(statement.article_id)) groups.set(statement.article_id, []);
    groups.get(statement.article_id).push(statement);
  }
  for (const items of groups.values()) items.sort((a, b) => a.span.start - b.span.start);
  return groups;
}

function articleGroup(articleId, statements) {
  const heading = el("h4", { text: articleId });
  article(articleId).then((info) => { if (info && info.title) heading.textContent = info.title; });
  const direct = statements.filter((s) => s.kind === "direct").length;
  return el("section", { class: "article-group", "data-article-id": articleId },
    heading,
    el("p", { class: "muted", text: `${direct} direct, ${statements.length - direct} indirect` }),
    el("ul", { class: "statements" }, statements.map(statementItem)));
}

async function showSpeaker(speaker) {
  selected = speaker.speaker_key;
  for (const button of document.querySelectorAll("#speaker-list button")) {
    button.setAttribute("aria-pressed", String(button.dataset.speakerKey === selected));
  }
  const panel = document.getElementById("speaker-statements");
  panel.replaceChildren(el("p", { class: "muted", text: "Loading…" }));
  const statements = await getAll("/statements", { speaker: speaker.speaker_key });
  const groups = groupByArticle(statements);
  const about = [...speaker.titles, ...speaker.affiliations, ...speaker.aliases.map((a) => `“${a}”`)].join(" · ");
  panel.replaceChildren(el("h3", { text: speakerName(speaker) }),
    about ? el("p", { class: "muted", text: about }) : null,
    ...[...groups.entries()].map(([articleId, items]) => articleGroup(articleId, items)));
}

export async function loadSpeakers() {
  const q = document.getElementById("speaker-q").value.trim();
  const page = await getJSON("/speakers", { q, limit: 200 });
  const list = document.getElementById("speaker-list");
  list.replaceChildren(...page.items.map(speakerItem));
  if (!page.items.length) list.append(el("li", { class: "muted", text: "No speaker matches." }));
  document.getElementById("view-speakers").dataset.loaded = "true";
}

export function setUpSpeakers() {
  const form = document.getElementById("speaker-search");
  form.addEventListener("input", debounce(loadSpeakers, 250));
  form.addEventListener("submit", (event) => { event.preventDefault(); loadSpeakers(); });
}
