// The wall's clocks, ticking in the browser from the stored deadline (see ui/projector_clock.py).
// The server draws each clock once with its deadline in data-deadline; this ticker, mounted once on the
// projector page, recounts every [data-mt-tick] element each second and at once whenever the server's
// redraw replaces one, so the wall agrees with the laptops to the second however late a redraw lands.
// It turns the pages of every paged box at their moments too (turnPages).
// clockText, secondsUntil, alertOf, setText and setAttr come from clock_core.js, sent in front of this file.

function tickClock(clock, now) {
  const deadline = clock.dataset.deadline ? Number(clock.dataset.deadline) : NaN;
  if (!Number.isFinite(deadline)) return; // paused or idle: the server's frozen digits stand
  const item = secondsUntil(deadline, now);
  const alert = alertOf("running", item, Number(clock.dataset.warn || 0));
  setAttr(clock, "data-seconds", String(item));
  setAttr(clock, "data-alert", alert);
  const digits = clock.querySelector("[data-mt-digits]");
  if (digits) setText(digits, clockText(item));
  const label = clock.querySelector("[data-mt-label]");
  if (label) setText(label, alert === "overrun" ? clock.dataset.over : clock.dataset.left);
  const meeting = clock.querySelector("[data-mt-meeting]");
  if (meeting && meeting.dataset.deadline) setText(meeting, clockText(secondsUntil(Number(meeting.dataset.deadline), now)));
}

// A paged box (ui/projection.py: paged) shows page floor(t / turn) mod pages, t the server's clock: data-at
// when it was drawn plus the time since this browser first saw that drawing. Returns the ms until its next turn.
function turnPages(box, now) {
  if (box.mtSeenFor !== box.dataset.at) { // a new drawing (the wall's element keeps the box, with a new data-at)
    box.mtSeenFor = box.dataset.at;
    box.mtSeenAt = now;
  }
  const turn = Number(box.dataset.turn) * 1000;
  const count = Number(box.dataset.pages);
  if (!(turn > 0) || !(count > 1)) return 1000;
  const t = Number(box.dataset.at) * 1000 + (now - box.mtSeenAt);
  const due = Math.floor(t / turn) % count;
  for (const page of box.children) {
    const visibility = Number(page.dataset.page) === due + 1 ? "visible" : "";
    if (page.style.visibility !== visibility) page.style.visibility = visibility;
  }
  return turn - (t % turn);
}

function tickWall(doc) {
  const now = Date.now();
  let wait = 1000;
  const moment = performance.now();
  for (const box of doc.querySelectorAll(".mt-paged[data-turn]")) {
    wait = Math.min(wait, turnPages(box, moment) + 5);
  }
  for (const clock of doc.querySelectorAll("[data-mt-tick]")) {
    tickClock(clock, now);
    const deadline = Number(clock.dataset.deadline);
    if (clock.dataset.deadline && Number.isFinite(deadline)) {
      wait = Math.min(wait, ((((deadline * 1000 - now) % 1000) + 1000) % 1000) + 15);
    }
  }
  return Math.max(20, wait);
}

export default function ({ parentElement }) {
  const doc = parentElement.ownerDocument;
  let timer = null;
  let queued = false;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(schedule, tickWall(doc));
  };
  // A redraw from the server replaces the wall's HTML: recount before the room sees its digits.
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; tickWall(doc); });
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  // The wall's element (wall_morph.js) changes texts and attributes in place: it says when it has drawn.
  doc.addEventListener("mt-wall-drawn", schedule); // recount now, and the next moment from the new drawing
  schedule();
  return () => { clearTimeout(timer); observer.disconnect(); doc.removeEventListener("mt-wall-drawn", schedule); };
}
