// The clock's arithmetic, shared by the laptops' countdown (countdown.js) and the wall's ticker
// (wall_ticker.js); each is sent to the browser with this file in front of it.

function clockText(seconds) {
  const sign = seconds < 0 ? "+" : "";
  const total = Math.abs(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const two = (n) => String(n).padStart(2, "0");
  return hours ? `${sign}${hours}:${two(minutes)}:${two(secs)}` : `${sign}${minutes}:${two(secs)}`;
}

// Seconds left until an epoch deadline, as the server computes them (whole seconds used, rounded down).
function secondsUntil(deadline, nowMs) {
  const left = Math.ceil(deadline - nowMs / 1000);
  return left === 0 ? 0 : left; // no "-0"
}

function alertOf(state, remaining, warn) {
  if (state === "idle") return "";
  if (remaining < 0) return "overrun";
  return remaining <= warn ? "near_end" : "calm";
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function setAttr(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}
