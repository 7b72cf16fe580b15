// The countdown, ticking in the browser from the stored deadline (see ui/countdown.py for the data).
// Streamlit calls this once when the element mounts and again only when its data changes; the
// polling fragment redrawing it with the same data calls nothing, so it never resets or flickers.
// clockText, secondsUntil, alertOf, setText and setAttr come from clock_core.js, sent in front of this file.

function draw(root) {
  const d = root.__mtData;
  const now = Date.now();
  const running = d.state === "running";
  const item = running ? secondsUntil(d.deadline, now) : d.remaining;
  const meeting = running && d.meeting_deadline !== null ? secondsUntil(d.meeting_deadline, now) : d.meeting_remaining;
  const alert = alertOf(d.state, item, d.warn);
  setAttr(root, "data-state", d.state);
  setAttr(root, "data-alert", alert);
  setAttr(root, "data-deadline", running ? String(d.deadline) : "");
  setAttr(root, "data-seconds", d.state === "idle" ? "" : String(item));
  root.style.setProperty("--mt-size", `${d.size}rem`);
  const part = (name) => root.querySelector(`.mt-countdown-${name}`);
  if (d.state === "idle") {
    setText(part("title"), d.idle);
    setText(part("clock"), "");
    setText(part("paused"), "");
    setText(part("meeting"), "");
  } else {
    setText(part("title"), d.title);
    setText(part("clock"), clockText(item));
    setText(part("paused"), d.state === "paused" ? `⏸ ${d.labels.paused}` : "");
    const label = alert === "overrun" ? d.labels.over : d.labels.left;
    setText(part("meeting"), `${label} · ${d.labels.meeting} ${clockText(meeting)}`);
  }
  return running ? d.deadline : null;
}

// Redraw just after the next whole second of the deadline, so the digits turn over on time.
function schedule(root) {
  clearTimeout(root.__mtTimer);
  const deadline = draw(root);
  let wait = 1000;
  if (deadline !== null) {
    const fraction = (((deadline * 1000 - Date.now()) % 1000) + 1000) % 1000;
    wait = Math.max(20, fraction + 15);
  }
  root.__mtTimer = setTimeout(() => schedule(root), wait);
}

export default function ({ data, parentElement }) {
  const root = parentElement.querySelector("[data-testid='mt-countdown']");
  root.__mtData = data;
  schedule(root);
  return () => clearTimeout(root.__mtTimer);
}
