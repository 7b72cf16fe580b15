// The live channel's browser end (see ui/live_push.py): one WebSocket per meeting per page, shared by every
// live part of the page, turned into a rerun of each part's fragment when the server says "changed".
// The socket asks for /_mt/live?m=<meeting>&v=<version drawn>; the server answers "changed" at once when the
// meeting moved past that version (while the page loaded, or while the socket was down), so a reconnect never
// loses a change. A closed socket (server restart, network, a refusal) is reopened after a growing pause.
// Streamlit calls the default export when the element mounts and again when its data changes.

const RETRY_SECONDS = [0.3, 1, 2, 5, 10, 30];
const GAP_MS = 250; // between two parts' reruns: Streamlit sends one task's trigger values for ONE fragment
const SETTLE_MS = 120; // a run's end must hold this long: a fragment that asked for a full rerun ends first
const INPUT_HOLD_MS = 800; // after a click or key: the run it starts (a page change) goes first
const MAX_WAIT_MS = 4000; // a run that never seems to end (or a page without the run state) is not waited for
const channels = (globalThis.__mtLive ||= new Map()); // meeting id -> channel (tests reach it to drop sockets)

function channelFor(meeting, path) {
  let channel = channels.get(meeting);
  if (!channel) {
    channel = { meeting, path, version: "", parts: new Map(), socket: null, retries: 0, opened: 0,
                closeTimer: null, retryTimer: null, state: "connecting",
                pending: new Set(), pumpTimer: null, waitTimer: null, waitingSince: 0, observer: null,
                stateChanged: 0 };
    channels.set(meeting, channel);
  }
  clearTimeout(channel.closeTimer);
  return channel;
}

function show(channel) {
  for (const part of channel.parts.values()) {
    part.element.dataset.state = channel.state;
    part.element.dataset.opened = String(channel.opened);
  }
}

// A part's rerun is asked for only while no script run is going on in this page. Streamlit (1.67) clears the
// not-yet-sent messages of the fragments a new run redraws, yet keeps the "finished" of a full run before
// it: a fragment rerun asked for during a full run could start before that run's last messages left the
// server, and the browser then dropped the fragment's elements as stale (the laptops' countdown vanished
// and came back under load). Asked for once the run is over, its messages have all arrived. It also keeps
// a burst of changes from piling rerun requests onto a busy server: one rerun per part per run.
// A rerun asked for by a part of the page being left would take that page's place in the run the click
// asked for (Streamlit folds the two requests into one and keeps the later one's page), so the click that
// opened another page would be lost: the parts also wait a moment after each click or key press.
const input = (globalThis.__mtLiveInput ||= { at: 0 });
if (!input.listening) {
  input.listening = true;
  for (const type of ["pointerdown", "keydown"]) {
    document.addEventListener(type, () => { input.at = Date.now(); }, { capture: true, passive: true });
  }
}

function appState() {
  const app = document.querySelector("[data-testid='stApp']");
  return app ? app.getAttribute("data-test-script-state") : null;
}

function busy() {
  const state = appState();
  return state === "running" || state === "rerunRequested";
}

function ask(channel, keys) {
  for (const key of keys) channel.pending.add(key);
  pump(channel);
}

function pump(channel) {
  if (channel.pumpTimer) return; // the next part goes after the gap
  for (const key of channel.pending) if (!channel.parts.has(key)) channel.pending.delete(key);
  const [next] = channel.pending;
  if (next === undefined) {
    channel.waitingSince = 0;
    return;
  }
  observeRuns(channel);
  const now = Date.now();
  channel.waitingSince ||= now;
  const waited = now - channel.waitingSince;
  const settling = Math.max(SETTLE_MS - (now - channel.stateChanged), INPUT_HOLD_MS - (now - input.at));
  if ((busy() || settling > 0) && waited < MAX_WAIT_MS) {
    clearTimeout(channel.waitTimer); // woken by the run state changing, or at the latest by this timer
    channel.waitTimer = setTimeout(() => pump(channel), busy() ? MAX_WAIT_MS - waited : settling);
    return;
  }
  channel.waitingSince = 0;
  channel.pending.delete(next);
  channel.parts.get(next).changed();
  channel.pumpTimer = setTimeout(() => { channel.pumpTimer = null; pump(channel); }, GAP_MS);
}

function observeRuns(channel) {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || channel.observer) return;
  channel.observer = new MutationObserver(() => {
    channel.stateChanged = Date.now();
    if (!busy() && channel.pending.size) {
      clearTimeout(channel.waitTimer);
      channel.waitTimer = setTimeout(() => pump(channel), SETTLE_MS);
    }
  });
  channel.observer.observe(app, { attributes: true, attributeFilter: ["data-test-script-state"] });
}

function connect(channel) {
  if (channel.socket || channel.retryTimer) return;
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const query = `m=${encodeURIComponent(channel.meeting)}&v=${encodeURIComponent(channel.version)}`;
  const socket = new WebSocket(`${scheme}//${location.host}${channel.path}?${query}`);
  channel.socket = socket;
  socket.onopen = () => {
    channel.retries = 0;
    channel.opened += 1;
    channel.state = "open";
    show(channel);
  };
  socket.onmessage = (event) => {
    if (event.data !== "changed") return; // "." is the keep-alive
    ask(channel, channel.parts.keys());
  };
  socket.onclose = () => {
    if (channel.socket !== socket) return;
    channel.socket = null;
    channel.state = "closed";
    show(channel);
    if (!channel.parts.size) return;
    const pause = RETRY_SECONDS[Math.min(channel.retries, RETRY_SECONDS.length - 1)];
    channel.retries += 1;
    channel.retryTimer = setTimeout(() => { channel.retryTimer = null; connect(channel); }, pause * 1000);
  };
}

function release(channel, key, part) {
  if (channel.parts.get(key) !== part) return; // a newer call of this element took its place
  channel.parts.delete(key);
  if (channel.parts.size) return;
  // Not at once: a page rerun unmounts and remounts its parts, and the socket should survive that.
  channel.closeTimer = setTimeout(() => {
    if (channel.parts.size) return;
    clearTimeout(channel.retryTimer);
    clearTimeout(channel.pumpTimer);
    clearTimeout(channel.waitTimer);
    if (channel.observer) channel.observer.disconnect();
    channels.delete(channel.meeting);
    if (channel.socket) channel.socket.close();
  }, 3000);
}

export default function ({ data, key, parentElement, setTriggerValue }) {
  const element = parentElement.querySelector("[data-testid='mt-live']");
  const channel = channelFor(String(data.meeting), data.path);
  channel.version = String(data.version);
  let count = 0;
  const part = { element, changed: () => setTriggerValue("changed", ++count) };
  channel.parts.set(key, part);
  show(channel);
  connect(channel);
  // The server held a rerun back (at most one per few seconds while typing): ask again after `again` s.
  const again = data.again ? setTimeout(() => ask(channel, [key]), data.again * 1000) : null;
  return () => {
    clearTimeout(again);
    release(channel, key, part);
  };
}
