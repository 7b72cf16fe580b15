// The projector's wall (see ui/wall_element.py): the server's new HTML for the wall is parsed once and only
// the nodes that differ are changed, so an edit of one action re-lays out one row, not the whole wall (st.html
// sanitised with DOMPurify and replaced the whole wall on every redraw: a quarter of a redraw's script time).
// Every text in the HTML is escaped by the server; as a second line of defence, one pass over the parsed HTML
// drops elements that could run or load anything (script, iframe, object, ...) and on…/javascript: attributes.
// Streamlit calls the default export when the element mounts and again whenever its data changes.

const REFUSED = new Set(["SCRIPT", "IFRAME", "FRAME", "OBJECT", "EMBED", "LINK", "META", "BASE", "FORM", "INPUT",
  "BUTTON", "TEXTAREA", "SELECT", "STYLE", "TEMPLATE", "NOSCRIPT", "FOREIGNOBJECT"]); // nodeName, upper case
const URL_ATTRIBUTES = new Set(["href", "src", "xlink:href", "action", "formaction", "srcset", "poster"]);

function safe(attribute) {
  const name = attribute.name.toLowerCase();
  if (name.startsWith("on")) return false;
  return !(URL_ATTRIBUTES.has(name) && /^\s*(javascript|data|vbscript):/i.test(attribute.value));
}

// Drops what is refused from the parsed HTML (before any of it is in the page).
function clean(fragment) {
  for (const element of Array.from(fragment.querySelectorAll("*"))) {
    if (REFUSED.has(element.nodeName.toUpperCase())) { // an SVG element's nodeName keeps its case
      element.remove();
      continue;
    }
    for (const attribute of Array.from(element.attributes)) {
      if (!safe(attribute)) element.removeAttributeNode(attribute);
    }
  }
  return fragment;
}

function attributes(have, want) {
  for (const attribute of Array.from(have.attributes)) {
    if (!want.hasAttributeNS(attribute.namespaceURI, attribute.localName)) have.removeAttributeNode(attribute);
  }
  for (const attribute of want.attributes) {
    if (have.getAttributeNS(attribute.namespaceURI, attribute.localName) !== attribute.value) {
      have.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
    }
  }
}

// Makes `have`'s children those of `want`, keeping every node that is already as wanted (children by position).
function morph(have, want) {
  let old = have.firstChild;
  for (const node of Array.from(want.childNodes)) {
    if (old === null) {
      have.appendChild(node);
    } else if (old.nodeType === node.nodeType && old.nodeName === node.nodeName) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        attributes(old, node);
        morph(old, node);
      } else if (old.nodeValue !== node.nodeValue) {
        old.nodeValue = node.nodeValue;
      }
      old = old.nextSibling;
    } else {
      const next = old.nextSibling;
      have.replaceChild(node, old);
      old = next;
    }
  }
  while (old !== null) {
    const next = old.nextSibling;
    have.removeChild(old);
    old = next;
  }
}

export default function ({ data, parentElement }) {
  const host = parentElement.querySelector("[data-testid='mt-wall-host']");
  if (!host || host.mtHtml === data.html) return;
  const template = parentElement.ownerDocument.createElement("template");
  template.innerHTML = data.html;
  morph(host, clean(template.content));
  host.mtHtml = data.html;
  // Changed text and attributes are no new nodes: the wall's ticker (wall_ticker.js) is told to recount.
  host.ownerDocument.dispatchEvent(new Event("mt-wall-drawn"));
}
