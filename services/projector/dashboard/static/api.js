// The projector's JSON API, same origin. Lists are paginated by cursor.
export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) query.set(name, value);
  }
  const url = query.size ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

// Every page of a list, up to `cap` items: a dashboard shows the whole picture, not one page.
export async function getAll(path, params = {}, cap = 2000) {
  const items = [];
  let cursor = null;
  do {
    const page = await getJSON(path, { ...params, limit: 500, cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < cap);
  return items;
}

const articleCache = new Map();

// An article's title and source, fetched once per article.
export function article(articleId) {
  if (!articleCache.has(articleId)) {
    articleCache.set(articleId, getJSON(`/articles/${encodeURIComponent(articleId)}`).catch(() => null));
  }
  return articleCache.get(articleId);
}
