// Follows the projector's SSE feed (/events). EventSource reconnects by itself and resumes
// with Last-Event-ID; the badge says which state the connection is in.
const STATES = {
  connecting: ["Connecting…", "badge-connecting"],
  live: ["Live", "badge-live"],
  reconnecting: ["Reconnecting…", "badge-connecting"],
  offline: ["Offline: updates paused", "badge-offline"],
};

function setBadge(state) {
  const badge = document.getElementById("live-badge");
  const [text, style] = STATES[state];
  badge.textContent = text;
  badge.className = `badge ${style}`;
  badge.dataset.state = state;
}

// handlers: event type -> function(data) called for each event of that type.
export function follow(handlers) {
  setBadge("connecting");
  const source = new EventSource("/events?streams=articles,extractions,dead_letters");
  source.addEventListener("open", () => setBadge("live"));
  source.addEventListener("error", () => {
    setBadge(source.readyState === EventSource.CLOSED ? "offline" : "reconnecting");
  });
  for (const [type, handler] of Object.entries(handlers)) {
    source.addEventListener(type, (event) => {
      let data = null;
      try { data = JSON.parse(event.data); } catch { return; }
      handler(data);
    });
  }
  window.addEventListener("offline", () => setBadge("reconnecting"));
  return source;
}
