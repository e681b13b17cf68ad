// The articles view (status and counts) and the dead-letters view (what failed, and why).
import { getJSON } from "./api.js";
import { el } from "./dom.js";

const STATUS_TEXT = { received: "Received", extracted: "Extracted", failed: "Failed" };
let articleCursor = null;
let deadCursor = null;

function articleRow(item) {
  return el("tr", { "data-article-id": item.article_id },
    el("td", { "data-label": "Title" }, el("span", {}, item.title || item.article_id,
      item.error ? el("span", { class: "muted block", text: `Error: ${item.error}` }) : null)),
    el("td", { "data-label": "Source", text: item.source || "" }),
    el("td", { class: "nowrap", "data-label": "Published", text: item.published_at || "" }),
    el("td", { "data-label": "Status" },
      el("span", { class: `tag status-${item.status}`, text: STATUS_TEXT[item.status] || item.status })),
    el("td", { class: "num", "data-label": "Statements", text: String(item.statements) }),
    el("td", { class: "num", "data-label": "Strikes", text: String(item.strikes) }));
}

export async function loadArticles(more = false) {
  const status = document.getElementById("article-status").value;
  const page = await getJSON("/articles", { status, limit: 100, cursor: more ? articleCursor : null });
  const body = document.querySelector("#article-table tbody");
  const rows = page.items.map(articleRow);
  if (more) body.append(...rows);
  else body.replaceChildren(...rows);
  if (!body.children.length) body.append(el("tr", {}, el("td", { colspan: 6, text: "No articles." })));
  articleCursor = page.next_cursor;
  document.getElementById("articles-more").hidden = !articleCursor;
  document.getElementById("view-articles").dataset.loaded = "true";
}

function entryTime(entryId) {
  const ms = Number(entryId.split("-")[0]);
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace("T", " ").slice(0, 19) + " UTC" : entryId;
}

function deadItem(letter) {
  const fields = JSON.stringify(letter.fields, null, 2);
  return el("li", { class: "dead", "data-entry-id": letter.entry_id, "data-source-entry-id": letter.source_entry_id },
    el("h3", {}, el("span", { class: "tag status-failed", text: letter.reason }), ` ${letter.error}`),
    el("dl", { class: "facts" },
      el("dt", { text: "When" }), el("dd", { text: entryTime(letter.entry_id) }),
      el("dt", { text: "Stream" }), el("dd", { text: `${letter.stream} (entry ${letter.source_entry_id})` }),
      el("dt", { text: "Deliveries" }), el("dd", { text: String(letter.deliveries) }),
      el("dt", { text: "Article" }), el("dd", { text: letter.correlation_id })),
    el("details", {}, el("summary", { text: "Original entry" }), el("pre", { text: fields })));
}

export async function loadDeadLetters(more = false) {
  const page = await getJSON("/dead-letters", { limit: 50, cursor: more ? deadCursor : null });
  const list = document.getElementById("dead-list");
  if (more) list.append(...page.items.map(deadItem));
  else list.replaceChildren(...page.items.map(deadItem));
  if (!list.children.length) list.append(el("li", { class: "muted", text: "No dead letters: nothing has failed for good." }));
  deadCursor = page.next_cursor;
  document.getElementById("dead-more").hidden = !deadCursor;
  document.getElementById("view-dead-letters").dataset.loaded = "true";
}

export function setUpArticles() {
  document.getElementById("article-status").addEventListener("change", () => loadArticles());
  document.getElementById("article-filters").addEventListener("submit", (event) => event.preventDefault());
  document.getElementById("articles-more").addEventListener("click", () => loadArticles(true));
  document.getElementById("dead-more").addEventListener("click", () => loadDeadLetters(true));
}
