// The live channel's browser end (see ui/live_push.py): one WebSocket per meeting per page, shared by every
// live part of the page, turned into a rerun of each part's fragment when the server says "changed".
// The socket asks for /_mt/live?m=<meeting>&v=<version drawn>; the server answers "changed" at once when the
// meeting moved past that version (while the page loaded, or while the socket was down), so a reconnect never
// loses a change. A closed socket (server restart, network, a refusal) is reopened after a growing pause.
// Streamlit calls the default export when the element mounts and again when its data changes.

const RETRY_SECONDS = [0.3, 1, 2, 5, 10, 30];
const channels = (globalThis.__mtLive ||= new Map()); // meeting id -> channel (tests reach it to drop sockets)

function channelFor(meeting, path) {
  let channel = channels.get(meeting);
  if (!channel) {
    channel = { meeting, path, version: "", parts: new Map(), socket: null, retries: 0, opened: 0,
                closeTimer: null, retryTimer: null, state: "connecting" };
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
    // One part per task: Streamlit sends the widget updates of one task as one message for ONE fragment.
    [...channel.parts.values()].forEach((part, index) => setTimeout(part.changed, index * 250));
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
  const again = data.again ? setTimeout(part.changed, data.again * 1000) : null;
  return () => {
    clearTimeout(again);
    release(channel, key, part);
  };
}
