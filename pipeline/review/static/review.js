// duiqi review page: plain JS, no build step. The server computes everything (beads,
// highlights, validation); this file only draws the state and sends edits.
"use strict";

const LANG_NAMES = { zh: "中文 Chinese", en: "English" };
const FLAG_NAMES = {
  number_mismatch: "number mismatch", number_missing: "number missing",
  fact_mismatch: "facts disagree", unaligned: "unaligned", low_score: "low score",
};

const state = {
  doc: null,        // the document view from the server
  focus: 0,         // index of the focused bead
  selection: null,  // {bead, src, tgt, last}: chosen sentence ids in one bead
  editing: null,    // {side, id}: the sentence whose text is being mended
};
const SVG_NS = "http://www.w3.org/2000/svg";

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function docUrl(docId) {
  return "/api/documents/" + docId.split("/").map(encodeURIComponent).join("/");
}

// Confidence 0 → red, 0.5 → amber, 1 → green.
function scoreColour(score) {
  return `hsl(${Math.round(score * 120)}, 62%, 42%)`;
}

function toast(message) {
  const box = $("toast");
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 6000);
}

async function api(url, options = {}) {
  const response = await fetch(url, options);
  const body = await response.json();
  if (!response.ok) {
    const error = new Error(body.error ? body.error.message : response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
}

// ---- document list -------------------------------------------------------------------

async function showList() {
  $("doc-view").hidden = true;
  $("list-view").hidden = false;
  $("crumb").textContent = "";
  const params = new URLSearchParams({ sort: $("sort").value });
  if ($("flag").value) params.set("flag", $("flag").value);
  const data = await api("/api/documents?" + params);
  const p = data.progress;
  $("progress").textContent =
    `${p.beads_reviewed} / ${p.beads} beads reviewed · ${p.documents_done} / ${p.documents} documents done`;
  $("overall").replaceChildren(progressBar(p.beads_reviewed, p.beads));
  $("documents").replaceChildren(...data.documents.map(documentRow));
  $("empty").hidden = data.documents.length > 0;
}

function progressBar(done, total) {
  const bar = el("span", { class: "bar" });
  bar.style.width = total ? `${(100 * done) / total}%` : "0";
  return el("span", { class: "meter", title: `${done} of ${total}` }, bar);
}

function documentRow(doc) {
  const open = () => { location.hash = "#/doc/" + encodeURIComponent(doc.doc_id); };
  const worst = doc.worst_score === null
    ? el("span", { class: "chip done" }, "all reviewed")
    : el("span", { class: "chip score" }, doc.worst_score.toFixed(2));
  if (doc.worst_score !== null) worst.style.background = scoreColour(doc.worst_score);
  const flags = Object.entries(doc.flags).map(([flag, count]) =>
    el("span", { class: `chip flag ${flag}` }, `${FLAG_NAMES[flag] || flag} ${count}`));
  return el("tr", { class: "doc-row", tabindex: "0", onclick: open,
                    onkeydown: (e) => { if (e.key === "Enter") open(); } },
    el("td", { class: "date" }, doc.date || "—"),
    el("td", {},
      el("div", { class: "title-zh", lang: "zh" }, doc.title_zh || doc.doc_id),
      el("div", { class: "title-en" }, doc.title_en || ""),
      el("div", { class: "path", title: "path in the output folder" }, doc.doc_id)),
    el("td", {}, progressBar(doc.reviewed, doc.beads), el("small", {}, ` ${doc.reviewed}/${doc.beads}`)),
    el("td", {}, worst),
    el("td", {}, ...flags),
    el("td", { class: "version", title: VERSION_HELP }, String(doc.version)));
}

const VERSION_HELP = "Version = the number of journal entries (edits, undos, redos) made on " +
  "this document; 0 is the pipeline's alignment.";

function docHash(docId, bead = null) {
  return "#/doc/" + encodeURIComponent(docId) + (bead === null ? "" : "/bead/" + bead);
}

// ---- search across documents --------------------------------------------------------------

async function runSearch(event) {
  if (event) event.preventDefault();
  const params = new URLSearchParams();
  const fields = { q: "search-text", lang: "search-lang", flag: "search-flag",
                   from: "search-from", to: "search-to", fact: "search-fact" };
  for (const [name, id] of Object.entries(fields)) {
    const value = $(id).value.trim();
    if (value) params.set(name, value);
  }
  const box = $("search-results");
  try {
    const data = await api("/api/search?" + params);
    box.replaceChildren(
      el("p", { class: "search-count" }, data.total > data.hits.length
        ? `${data.total} beads match; the first ${data.hits.length} are shown.`
        : `${data.total} bead${data.total === 1 ? "" : "s"} match.`),
      ...data.hits.map((hit) => searchHit(hit, $("search-text").value.trim())));
    box.hidden = false;
    $("search-clear").hidden = false;
  } catch (error) {
    toast(error.message);
  }
}

function highlighted(text, needle) {
  const node = el("span", {});
  if (!needle) { node.append(text); return node; }
  const lower = text.toLowerCase(), wanted = needle.toLowerCase();
  let at = 0;
  for (let i = lower.indexOf(wanted); i !== -1; i = lower.indexOf(wanted, at)) {
    node.append(text.slice(at, i), el("mark", { class: "hit" }, text.slice(i, i + needle.length)));
    at = i + needle.length;
  }
  node.append(text.slice(at));
  return node;
}

function searchHit(hit, needle) {
  const open = () => { location.hash = docHash(hit.doc_id, hit.bead); };
  const flags = hit.flags.map((f) => el("span", { class: `chip flag ${f}` }, FLAG_NAMES[f] || f));
  return el("div", { class: "hit-row", tabindex: "0", onclick: open,
                     onkeydown: (e) => { if (e.key === "Enter") open(); } },
    el("div", { class: "hit-head" },
      el("span", { class: "date" }, hit.date || "—"), " ",
      el("span", { lang: "zh" }, hit.title_zh || ""), " · ",
      el("span", { class: "path" }, `${hit.doc_id} · bead #${hit.bead}`), " ", ...flags),
    el("div", { class: "hit-text", lang: "zh" }, highlighted(hit.zh, needle)),
    el("div", { class: "hit-text" }, highlighted(hit.en, needle)));
}

function clearSearch() {
  $("search").reset();
  $("search-results").hidden = true;
  $("search-clear").hidden = true;
}

// ---- document view -------------------------------------------------------------------

async function showDocument(docId, bead = null) {
  $("list-view").hidden = true;
  $("doc-view").hidden = false;
  try {
    const view = await api(docUrl(docId));
    if (bead !== null) {
      state.doc = null;  // a new place in the document: forget the old focus
      state.focus = Math.max(0, Math.min(bead, view.beads.length - 1));
    }
    render(view, bead !== null);
    if (bead !== null) showFocus(true);
  } catch (error) {
    toast(error.message);
  }
}

function render(doc, keepFocus = false) {
  const sameDoc = state.doc && state.doc.doc_id === doc.doc_id;
  state.doc = doc;
  state.focus = sameDoc || keepFocus ? Math.min(state.focus, doc.beads.length - 1) : 0;
  if (state.selection && !sameDoc) state.selection = null;
  if (!sameDoc) state.editing = null;
  const reviewed = doc.beads.filter((b) => b.reviewed).length;
  $("crumb").textContent = doc.doc_id;
  $("title-zh").textContent = doc.meta.title_zh || "";
  $("title-en").textContent = [doc.meta.date, doc.meta.title_en].filter(Boolean).join(" · ");
  $("doc-progress").textContent = `${reviewed} / ${doc.beads.length} beads reviewed`;
  $("progress").textContent = "";
  $("version").textContent = `version ${doc.version} ⓘ`;
  $("doc-path").textContent = doc.doc_id;
  $("undo").disabled = !doc.can_undo;
  $("redo").disabled = !doc.can_redo;
  $("set-aside").hidden = doc.set_aside === 0;
  $("set-aside").textContent = `${doc.set_aside} earlier edit(s) not applied`;
  $("set-aside").title = "Made on another version of this document (its text or its " +
    "alignment changed since); kept in corrections.jsonl, not replayed.";
  $("src-lang").textContent = LANG_NAMES[doc.languages.src] || doc.languages.src;
  $("tgt-lang").textContent = LANG_NAMES[doc.languages.tgt] || doc.languages.tgt;
  $("beads").replaceChildren(...doc.beads.map(beadItem));
  drawMap(doc);
  showFocus(false);
  const input = document.querySelector("input.text-edit");
  if (input) { input.focus(); input.select(); }
}

// ---- alignment map: one dot per bead, Chinese index across, English index down -----------

function drawMap(doc) {
  const svg = $("map");
  const width = 260, height = 260, pad = 24;
  const nSrc = Math.max(1, ...doc.beads.flatMap((b) => b.src.map((s) => s.id + 1)));
  const nTgt = Math.max(1, ...doc.beads.flatMap((b) => b.tgt.map((s) => s.id + 1)));
  const x = (i) => pad + ((width - 2 * pad) * (i + 0.5)) / nSrc;
  const y = (j) => pad + ((height - 2 * pad) * (j + 0.5)) / nTgt;
  const mean = (ids) => ids.reduce((a, b) => a + b, 0) / ids.length;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const shape = (tag, attrs) => {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    return node;
  };
  const nodes = [
    shape("rect", { x: pad, y: pad, width: width - 2 * pad, height: height - 2 * pad, class: "map-frame" }),
    shape("line", { x1: pad, y1: pad, x2: width - pad, y2: height - pad, class: "map-diagonal" }),
    Object.assign(shape("text", { x: width / 2, y: 14, class: "map-axis" }), { textContent: `中文 sentences 0–${nSrc - 1} →` }),
    Object.assign(shape("text", { x: 12, y: height / 2, class: "map-axis", transform: `rotate(-90 12 ${height / 2})` }), { textContent: `English 0–${nTgt - 1} →` }),
  ];
  // An unaligned sentence sits beside the last aligned position of the other side.
  let lastSrc = -0.5, lastTgt = -0.5;
  doc.beads.forEach((bead, index) => {
    const src = bead.src.map((s) => s.id), tgt = bead.tgt.map((s) => s.id);
    const i = src.length ? mean(src) : lastSrc + 0.5;
    const j = tgt.length ? mean(tgt) : lastTgt + 0.5;
    if (src.length) lastSrc = src[src.length - 1];
    if (tgt.length) lastTgt = tgt[tgt.length - 1];
    const unaligned = !src.length || !tgt.length;
    const colour = scoreColour(bead.score);
    const title = shape("title", {});
    title.textContent = `bead #${index} · ${bead.score.toFixed(2)}` +
      (bead.flags.length ? " · " + bead.flags.map((f) => FLAG_NAMES[f] || f).join(", ") : "") +
      (bead.reviewed ? " · reviewed" : "");
    const cx = x(i), cy = y(j);
    const dot = unaligned
      ? shape("path", { d: `M${cx - 5} ${cy - 5}L${cx + 5} ${cy + 5}M${cx - 5} ${cy + 5}L${cx + 5} ${cy - 5}`,
                        stroke: colour, class: "map-dot unaligned" })
      : shape("circle", { cx, cy, r: bead.flags.length ? 5.5 : 3.5, fill: colour,
                          class: "map-dot" + (bead.flags.length ? " flagged" : "") + (bead.reviewed ? " reviewed" : "") });
    dot.dataset.index = String(index);
    dot.append(title);
    dot.addEventListener("click", () => { state.focus = index; showFocus(true); });
    nodes.push(dot);
  });
  svg.replaceChildren(...nodes);
}

function beadItem(bead, index) {
  const selected = state.selection && state.selection.bead === index ? state.selection : null;
  const side = (name) => {
    const lang = state.doc.languages[name];
    const separator = lang === "zh" ? "" : " ";  // as the TMX joins them
    const nodes = bead[name].flatMap((s, i) =>
      [i ? separator : null, sentenceNode(s, name, index, selected)]);
    return el("div", { class: `side ${name}`, lang }, ...nodes);
  };
  const score = el("span", { class: "chip score", title: "confidence" }, bead.score.toFixed(2));
  score.style.background = scoreColour(bead.score);
  const item = el("li", {
      class: "bead" + (bead.reviewed ? " reviewed" : "") + (bead.flags.length ? " flagged" : ""),
      dataset: { index: String(index) },
      onclick: () => { state.focus = index; showFocus(false); },
    },
    el("div", { class: "gutter" },
      el("span", { class: "bead-no" }, `#${index}`), score,
      bead.reviewed ? el("span", { class: "chip done", title: "reviewed" }, "✓") : null,
      ...bead.flags.map((f) => el("span", { class: `chip flag ${f}` }, FLAG_NAMES[f] || f))),
    side("src"), side("tgt"), beadActions(index, selected));
  item.style.setProperty("--confidence", scoreColour(bead.score));
  return item;
}

function sentenceNode(sentence, side, beadIndex, selected) {
  const editing = state.editing && state.editing.side === side && state.editing.id === sentence.id;
  if (editing) return textEditor(sentence, side);
  const isSelected = selected && selected[side] === sentence.id;
  const mended = sentence.original !== null && sentence.original !== undefined;
  const node = el("span", {
    class: "sentence" + (isSelected ? " selected" : "") + (mended ? " mended" : ""),
    title: `${side} sentence ${sentence.id} — click to select` +
      (mended ? `\nmended; the original text: ${sentence.original}` : ""),
    dataset: { side, id: String(sentence.id) },
    onclick: (event) => { event.stopPropagation(); select(beadIndex, side, sentence.id); },
  });
  let at = 0;
  for (const mark of sentence.marks) {
    node.append(sentence.text.slice(at, mark.start));
    node.append(el("mark", { class: mark.kind, title: mark.title },
                   sentence.text.slice(mark.start, mark.end)));
    at = mark.end;
  }
  node.append(sentence.text.slice(at));
  return node;
}

// ---- mending a sentence's text (an OCR error): a journal entry, the original kept ---------

function textEditor(sentence, side) {
  const input = el("input", { class: "text-edit", value: sentence.text, "aria-label": "New text",
                              dataset: { side, id: String(sentence.id) } });
  input.size = Math.min(80, Math.max(20, sentence.text.length + 4));
  const save = () => {
    const text = input.value.trim();
    state.editing = null;
    if (text && text !== sentence.text) edit("text", { side, sentence: sentence.id, text });
    else render(state.doc);
  };
  input.addEventListener("keydown", (event) => {
    event.stopPropagation();
    if (event.key === "Enter") save();
    if (event.key === "Escape") { state.editing = null; render(state.doc); }
  });
  input.addEventListener("click", (event) => event.stopPropagation());
  return el("span", { class: "editing" }, input,
    el("button", { type: "button", class: "save-text", onclick: (e) => { e.stopPropagation(); save(); } }, "Save"),
    el("small", {}, " Enter saves, Esc cancels; the original stays in the pipeline's JSON"));
}

function editText() {
  const chosen = selectedSentence();
  if (!chosen) return toast("Click the sentence to mend first.");
  state.editing = { side: chosen.side, id: chosen.sentence };
  render(state.doc);
}

function beadActions(index, selected) {
  const button = (label, title, action, enabled = true) => {
    const b = el("button", { type: "button", title, onclick: (e) => { e.stopPropagation(); action(); } }, label);
    b.disabled = !enabled;
    return b;
  };
  const last = index === state.doc.beads.length - 1;
  return el("div", { class: "actions" },
    button("✓ Confirm", "Confirm this bead (c)", () => confirmBead(index), !state.doc.beads[index].reviewed),
    button("⤓ Merge", "Merge with the next bead (m)", () => mergeBead(index), !last),
    button("✂ Split", "Split before the selected sentence(s) (s)", () => splitBead(index), Boolean(selected)),
    button("↑ Move", "Move the selected sentence to the previous bead ([)", () => moveSentence("prev"), Boolean(selected)),
    button("↓ Move", "Move the selected sentence to the next bead (])", () => moveSentence("next"), Boolean(selected)),
    button("⊘ Unalign", "Mark the selected sentence unaligned (x)", unalignSentence, Boolean(selected)),
    button("✎ Edit text", "Mend the selected sentence's text, e.g. an OCR error (e)", editText, Boolean(selected)));
}

function select(beadIndex, side, id) {
  const current = state.selection && state.selection.bead === beadIndex
    ? state.selection : { bead: beadIndex, src: null, tgt: null, last: side };
  current[side] = current[side] === id ? null : id;
  current.last = current[side] === null ? (side === "src" ? "tgt" : "src") : side;
  state.selection = current.src === null && current.tgt === null ? null : current;
  state.focus = beadIndex;
  render(state.doc);
}

function showFocus(scroll = true) {
  document.querySelectorAll(".bead.focused, .map-dot.focused").forEach((n) => n.classList.remove("focused"));
  const dot = document.querySelector(`.map-dot[data-index="${state.focus}"]`);
  if (dot) dot.classList.add("focused");
  const node = document.querySelector(`.bead[data-index="${state.focus}"]`);
  if (!node) return;
  node.classList.add("focused");
  if (scroll) node.scrollIntoView({ block: "nearest" });
}

function moveFocus(step, wanted = () => true) {
  const beads = state.doc.beads;
  for (let i = state.focus + step; i >= 0 && i < beads.length; i += step) {
    if (wanted(beads[i])) {
      state.focus = i;
      showFocus();
      return;
    }
  }
  toast(step > 0 ? "No further bead." : "No earlier bead.");
}

const needsReview = (bead) => bead.flags.length > 0 && !bead.reviewed;

// ---- edits: each one a POST that the server checks, journals and answers with the view --

async function edit(op, args = {}) {
  const doc = state.doc;
  try {
    const view = await api(docUrl(doc.doc_id), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ version: doc.version, op, args }),
    });
    state.selection = null;
    render(view);
  } catch (error) {
    toast(error.message);
    if (error.status === 409) showDocument(doc.doc_id);
  }
}

const confirmBead = (index = state.focus) => edit("confirm", { bead: index });
const mergeBead = (index = state.focus) => edit("merge", { bead: index });

function splitBead(index = state.focus) {
  const sel = state.selection;
  if (!sel || sel.bead !== index) return toast("Click the sentence(s) that should start the new bead first.");
  const bead = state.doc.beads[index];
  const cut = (side) => {
    const ids = bead[side].map((s) => s.id);
    return sel[side] === null ? ids.length : ids.indexOf(sel[side]);
  };
  edit("split", { bead: index, src_at: cut("src"), tgt_at: cut("tgt") });
}

function selectedSentence() {
  const sel = state.selection;
  if (!sel) return null;
  return { side: sel.last, sentence: sel[sel.last] };
}

function moveSentence(direction) {
  const chosen = selectedSentence();
  if (!chosen) return toast("Click a sentence first.");
  edit("move", { ...chosen, direction });
}

function unalignSentence() {
  const chosen = selectedSentence();
  if (!chosen) return toast("Click a sentence first.");
  edit("unalign", chosen);
}

const KEYS = {
  j: () => moveFocus(1, needsReview), n: () => moveFocus(1, needsReview),
  k: () => moveFocus(-1, needsReview), p: () => moveFocus(-1, needsReview),
  ArrowDown: () => moveFocus(1), ArrowUp: () => moveFocus(-1),
  c: () => confirmBead(), m: () => mergeBead(), s: () => splitBead(),
  "[": () => moveSentence("prev"), "]": () => moveSentence("next"), x: unalignSentence, e: editText,
  u: () => edit("undo"), r: () => edit("redo"), Escape: () => { state.selection = null; render(state.doc); },
  b: () => { location.hash = "#/"; },
};

document.addEventListener("keydown", (event) => {
  if ($("doc-view").hidden || !state.doc || event.altKey || event.metaKey) return;
  if (event.target.closest && event.target.closest("select, input, textarea")) return;
  const key = event.ctrlKey && event.key === "z" ? "u" : event.ctrlKey && event.key === "y" ? "r"
    : event.ctrlKey ? null : event.key;
  if (key && KEYS[key]) {
    event.preventDefault();
    KEYS[key]();
  }
});

// ---- routing ------------------------------------------------------------------------------

function route() {
  const match = location.hash.match(/^#\/doc\/(.+?)(?:\/bead\/(\d+))?$/);
  if (match) showDocument(decodeURIComponent(match[1]), match[2] === undefined ? null : Number(match[2]));
  else showList().catch((error) => toast(error.message));
}

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", () => {
  $("sort").addEventListener("change", route);
  $("flag").addEventListener("change", route);
  $("search").addEventListener("submit", runSearch);
  $("search-clear").addEventListener("click", clearSearch);
  $("undo").addEventListener("click", () => edit("undo"));
  $("redo").addEventListener("click", () => edit("redo"));
  route();
});
