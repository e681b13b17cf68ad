// Boot: the view named by the URL's #fragment, the live feed, and what each event refreshes.
import { loadArticles, loadDeadLetters, setUpArticles } from "./articles.js";
import { debounce } from "./dom.js";
import { follow } from "./live.js";
import { loadSpeakers, setUpSpeakers } from "./speakers.js";
import { setUpDialog } from "./strike_dialog.js";
import { loadStrikes, setUpStrikes } from "./strikes.js";

const LOADERS = {
  strikes: () => loadStrikes(),
  speakers: () => loadSpeakers(),
  articles: () => loadArticles(),
  "dead-letters": () => loadDeadLetters(),
};

function currentView() {
  const name = location.hash.replace(/^#/, "");
  return name in LOADERS ? name : "strikes";
}

function show(focus) {
  const name = currentView();
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${name}`;
  for (const link of document.querySelectorAll("nav a")) {
    if (link.dataset.view === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.title = `${document.querySelector(`#view-${name} h2`).textContent} · sitrep`;
  LOADERS[name]().catch((error) => console.error(error));
  if (focus) document.querySelector(`#view-${name} h2`).focus();
}

function refreshIfShown(name, load) {
  if (currentView() === name) load().catch((error) => console.error(error));
}

function boot() {
  setUpStrikes();
  setUpSpeakers();
  setUpArticles();
  setUpDialog();
  for (const heading of document.querySelectorAll(".view h2")) heading.tabIndex = -1;
  window.addEventListener("hashchange", () => show(true));
  show(false);
  const articlesChanged = debounce(() => refreshIfShown("articles", loadArticles), 300);
  let lastExtracted = null;
  // A burst of articles reloads once, after the last of them is projected.
  const extracted = debounce(() => {
    refreshIfShown("strikes", () => loadStrikes(lastExtracted));
    refreshIfShown("speakers", loadSpeakers);
  }, 300);
  follow({
    ArticleReceived: articlesChanged,
    ArticleExtracted: (data) => {
      lastExtracted = data.article_id;
      extracted();
      articlesChanged();
    },
    DeadLettered: () => {
      refreshIfShown("dead-letters", loadDeadLetters);
      articlesChanged();
    },
  });
}

boot();
