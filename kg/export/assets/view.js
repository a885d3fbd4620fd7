// bskg offline network view: a seeded force layout drawn on a canvas, with search,
// a legend of kinds and a panel listing each element's sources. No network access:
// the data sit in the page (script#bskg-data) and nothing is fetched.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("bskg-data").textContent);
  const canvas = document.getElementById("graph");
  const ctx = canvas.getContext("2d");
  const colour = Object.fromEntries(data.kinds.map((k) => [k.kind, k.colour]));
  const hidden = new Set();
  const nodes = data.nodes.map((n, i) => ({ ...n, i, x: 0, y: 0, degree: 0, links: [] }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = data.edges.map((e) => ({ ...e, s: byId.get(e.source), t: byId.get(e.target), bend: 0 }));
  const view = { x: 0, y: 0, k: 1 };
  const state = { selected: null, matches: null, drag: null, dpr: 1 };

  edges.forEach((e) => { e.s.degree++; e.t.degree++; e.s.links.push(e); if (e.t !== e.s) e.t.links.push(e); });
  nodes.forEach((n) => {
    n.r = 5 + 2.2 * Math.sqrt(n.degree);
    n.short = n.label.length > 40 ? n.label.slice(0, 38).trimEnd() + "\u2026" : n.label;  // the panel shows it whole
  });
  spreadParallelEdges();
  layout();

  // ---- layout: deterministic (positions seeded from ids), Fruchterman-Reingold with cooling ----
  function hash(text) {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
    return h >>> 0;
  }

  function least(items, value) {  // Math.min(...spread) overflows the stack on big graphs
    let low = Infinity;
    for (const item of items) low = Math.min(low, value(item));
    return low;
  }

  function spreadParallelEdges() {
    const groups = new Map();
    edges.forEach((e) => {
      const key = e.source < e.target ? e.source + "\u0000" + e.target : e.target + "\u0000" + e.source;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    });
    groups.forEach((group) => group.forEach((e, i) => {
      const sign = e.source < e.target ? 1 : -1;
      e.bend = sign * (i - (group.length - 1) / 2) * 16;
    }));
  }

  function layout() {
    // Each connected part is laid out on its own, then the parts are packed in rows,
    // largest first: no part drifts off, however many there are.
    const parts = components();
    parts.forEach(relax);
    pack(parts);
  }

  function components() {
    const seen = new Set(), parts = [];
    nodes.forEach((first) => {
      if (seen.has(first)) return;
      const part = [], stack = [first];
      seen.add(first);
      while (stack.length) {
        const n = stack.pop();
        part.push(n);
        n.links.forEach((e) => { const other = e.s === n ? e.t : e.s; if (!seen.has(other)) { seen.add(other); stack.push(other); } });
      }
      parts.push(part);
    });
    return parts.sort((a, b) => b.length - a.length || (a[0].id < b[0].id ? -1 : 1));
  }

  function relax(part) {
    const ideal = 90, cell = ideal * 3, rounds = part.length > 2000 ? 120 : 350;
    const gravity = 0.03 / Math.sqrt(1 + part.length / 15);
    const links = [...new Set(part.flatMap((n) => n.links))];
    part.forEach((n, i) => {
      const angle = (hash(n.id) % 3600) / 3600 * 2 * Math.PI, radius = ideal * Math.sqrt(i);
      n.x = radius * Math.cos(angle); n.y = radius * Math.sin(angle);
    });
    for (let round = 0; round < rounds && part.length > 1; round++) {
      const heat = ideal * 1.5 * (1 - round / rounds) + 0.5;
      part.forEach((n) => { n.dx = -gravity * n.x; n.dy = -gravity * n.y; });
      repel(part, ideal, cell, (round * 0.618 % 1) * cell);
      links.forEach((e) => {
        if (e.s === e.t) return;
        const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, pull = Math.hypot(dx, dy) / ideal;
        e.s.dx += dx * pull; e.s.dy += dy * pull; e.t.dx -= dx * pull; e.t.dy -= dy * pull;
      });
      part.forEach((n) => {
        const d = Math.hypot(n.dx, n.dy) || 1, step = Math.min(d, heat);
        n.x += (n.dx / d) * step; n.y += (n.dy / d) * step;
      });
    }
  }

  function pack(parts) {
    const gap = 30, boxes = parts.map((part) => {
      const half = (n) => Math.max(30, n.short.length * 3.6);
      const box = { part, x0: least(part, (n) => n.x - half(n)), x1: -least(part, (n) => -n.x - half(n)),
                    y0: least(part, (n) => n.y) - 20, y1: -least(part, (n) => -n.y) + 40 };
      box.w = box.x1 - box.x0; box.h = box.y1 - box.y0;
      return box;
    });
    const area = boxes.reduce((sum, b) => sum + (b.w + gap) * (b.h + gap), 0);
    const aspect = Math.max(canvas.clientWidth, 1) / Math.max(canvas.clientHeight, 1) || 1.4;
    const rowWidth = Math.max(Math.sqrt(area * aspect), boxes.length ? boxes[0].w : 0);
    let x = 0, y = 0, rowHeight = 0;
    boxes.forEach((b) => {
      if (x > 0 && x + b.w > rowWidth) { x = 0; y += rowHeight + gap; rowHeight = 0; }
      b.part.forEach((n) => { n.x += x - b.x0; n.y += y - b.y0; });
      x += b.w + gap;
      rowHeight = Math.max(rowHeight, b.h);
    });
  }

  function repel(part, ideal, cell, shift) {
    // Pairs further apart than a few cells push too weakly to matter: bucket nodes on a grid,
    // shifted each round so that no cell border leaves a trace in the drawing.
    const grid = new Map(), cellOf = (v) => Math.floor((v + shift) / cell);
    part.forEach((n) => {
      const key = cellOf(n.x) + "," + cellOf(n.y);
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key).push(n);
    });
    part.forEach((a) => {
      const cx = cellOf(a.x), cy = cellOf(a.y);
      for (let gx = cx - 2; gx <= cx + 2; gx++) for (let gy = cy - 2; gy <= cy + 2; gy++) {
        (grid.get(gx + "," + gy) || []).forEach((b) => {
          if (b.i <= a.i) return;
          let dx = a.x - b.x, dy = a.y - b.y, d = Math.hypot(dx, dy);
          if (d < 0.01) { dx = (hash(a.id) % 7) - 3 || 1; dy = (hash(b.id) % 7) - 3 || 1; d = Math.hypot(dx, dy); }
          const push = (ideal * ideal) / d / d;
          a.dx += dx * push; a.dy += dy * push; b.dx -= dx * push; b.dy -= dy * push;
        });
      }
    });
  }

  // ---- view ----
  function resize() {
    state.dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(canvas.clientWidth * state.dpr);
    canvas.height = Math.round(canvas.clientHeight * state.dpr);
    draw();
  }

  function fit() {
    if (!nodes.length) return;
    const half = (n) => Math.max(20, n.short.length * 3.4);
    const minX = least(nodes, (n) => n.x - half(n)), maxX = -least(nodes, (n) => -n.x - half(n));
    const minY = least(nodes, (n) => n.y) - 20, maxY = -least(nodes, (n) => -n.y) + 30;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    view.k = Math.min(w / (maxX - minX), h / (maxY - minY), 2.5);
    view.x = w / 2 - view.k * (minX + maxX) / 2;
    view.y = h / 2 - view.k * (minY + maxY) / 2;
  }

  const visible = (n) => !hidden.has(n.kind);
  const edgeVisible = (e) => visible(e.s) && visible(e.t);

  function curve(e) {
    const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.hypot(dx, dy) || 1;
    return { cx: (e.s.x + e.t.x) / 2 - (dy / d) * e.bend * 2, cy: (e.s.y + e.t.y) / 2 + (dx / d) * e.bend * 2 };
  }

  function draw() {
    const w = canvas.clientWidth, h = canvas.clientHeight;
    ctx.setTransform(state.dpr, 0, 0, state.dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.translate(view.x, view.y);
    ctx.scale(view.k, view.k);
    const focus = focusSet();
    let drawnEdges = 0, drawnNodes = 0;
    edges.forEach((e) => { if (edgeVisible(e)) { drawEdge(e, focus); drawnEdges++; } });
    nodes.forEach((n) => { if (visible(n)) { drawNode(n, focus); drawnNodes++; } });
    drawLabels(focus);
    const sel = state.selected;
    if (sel) (sel.source !== undefined ? [sel] : sel.links).forEach((e) => { if (edgeVisible(e)) drawEdgeLabel(e); });
    window.bskg.drawnNodes = drawnNodes;
    window.bskg.drawnEdges = drawnEdges;
  }

  function focusSet() {
    if (state.matches) return new Set(state.matches);
    const sel = state.selected;
    if (!sel) return null;
    if (sel.source !== undefined) return new Set([sel.s, sel.t]);
    return new Set([sel, ...sel.links.map((e) => (e.s === sel ? e.t : e.s))]);
  }

  function drawEdge(e, focus) {
    const on = state.selected === e || (state.selected && (e.s === state.selected || e.t === state.selected));
    ctx.globalAlpha = focus && !on && !(focus.has(e.s) && focus.has(e.t)) ? 0.12 : 0.85;
    ctx.strokeStyle = on ? "#222" : "#9aa3ad";
    ctx.lineWidth = (on ? 2.2 : 1.1) / Math.sqrt(view.k);
    ctx.beginPath();
    if (e.s === e.t) {
      ctx.arc(e.s.x + e.s.r, e.s.y - e.s.r, e.s.r, 0, 2 * Math.PI);
      ctx.stroke();
      return;
    }
    const c = curve(e);
    ctx.moveTo(e.s.x, e.s.y);
    ctx.quadraticCurveTo(c.cx, c.cy, e.t.x, e.t.y);
    ctx.stroke();
    if (data.directed) arrow(c, e.t, on ? "#222" : "#8a939d");
  }

  function arrow(from, to, fill) {
    const dx = to.x - from.cx, dy = to.y - from.cy, d = Math.hypot(dx, dy) || 1;
    const ux = dx / d, uy = dy / d, tipX = to.x - ux * (to.r + 1), tipY = to.y - uy * (to.r + 1), size = 7;
    ctx.fillStyle = fill;
    ctx.beginPath();
    ctx.moveTo(tipX, tipY);
    ctx.lineTo(tipX - ux * size - uy * size * 0.5, tipY - uy * size + ux * size * 0.5);
    ctx.lineTo(tipX - ux * size + uy * size * 0.5, tipY - uy * size - ux * size * 0.5);
    ctx.closePath();
    ctx.fill();
  }

  function drawNode(n, focus) {
    ctx.globalAlpha = focus && !focus.has(n) ? 0.2 : 1;
    ctx.beginPath();
    ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
    ctx.fillStyle = colour[n.kind] || "#999";
    ctx.fill();
    ctx.lineWidth = state.selected === n ? 3 : 1.2;
    ctx.strokeStyle = state.selected === n ? "#111" : state.matches && focus.has(n) ? "#d62728" : "#fff";
    ctx.stroke();
  }

  function drawLabels(focus) {
    // Most connected first (the focus before all); a label that would overlap one already
    // drawn is left out until zooming in makes room for it.
    const order = nodes.filter(visible).sort((a, b) =>
      (focus && focus.has(b)) - (focus && focus.has(a)) || b.degree - a.degree || a.i - b.i);
    const taken = [], size = 12 / Math.max(view.k, 0.6);
    ctx.font = size + "px system-ui, sans-serif";
    order.forEach((n) => {
      const w = ctx.measureText(n.short).width, box = { x0: n.x - w / 2, x1: n.x + w / 2, y0: n.y + n.r + 2, y1: n.y + n.r + 2 + size };
      if (taken.length >= 400 && !(focus && focus.has(n))) return;  // enough to read; zoom in for more
      const clash = taken.some((t) => box.x0 < t.x1 && t.x0 < box.x1 && box.y0 < t.y1 && t.y0 < box.y1);
      if (clash && !(focus && focus.has(n)) && state.selected !== n) return;
      taken.push(box);
      drawLabel(n, focus, size);
    });
  }

  function drawLabel(n, focus, size) {
    ctx.globalAlpha = focus && !focus.has(n) ? 0.25 : 1;
    ctx.font = (state.selected === n ? "bold " : "") + size + "px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineWidth = size / 3.5;
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    ctx.strokeText(n.short, n.x, n.y + n.r + 2);
    ctx.fillStyle = "#1b1f24";
    ctx.fillText(n.short, n.x, n.y + n.r + 2);
  }

  function drawEdgeLabel(e) {
    const c = e.s === e.t ? { cx: e.s.x + 2 * e.s.r, cy: e.s.y - 2 * e.s.r } : curve(e);
    const x = (e.s.x + 2 * c.cx + e.t.x) / 4, y = (e.s.y + 2 * c.cy + e.t.y) / 4;
    ctx.globalAlpha = 1;
    ctx.font = "italic " + 11 / Math.max(view.k, 0.6) + "px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.strokeStyle = "#fff";
    ctx.strokeText(e.label, x, y);
    ctx.fillStyle = "#333";
    ctx.fillText(e.label, x, y);
  }

  // ---- picking and interaction ----
  function toWorld(event) {
    const box = canvas.getBoundingClientRect();
    return { x: (event.clientX - box.left - view.x) / view.k, y: (event.clientY - box.top - view.y) / view.k };
  }

  function nodeAt(p) {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const n = nodes[i];
      if (visible(n) && Math.hypot(n.x - p.x, n.y - p.y) <= n.r + 2 / view.k) return n;
    }
    return null;
  }

  function edgeAt(p) {
    let best = null, bestD = 6 / view.k;
    edges.forEach((e) => {
      if (!edgeVisible(e) || e.s === e.t) return;
      const c = curve(e);
      for (let s = 0; s <= 20; s++) {
        const t = s / 20, a = (1 - t) * (1 - t), b = 2 * t * (1 - t), z = t * t;
        const d = Math.hypot(a * e.s.x + b * c.cx + z * e.t.x - p.x, a * e.s.y + b * c.cy + z * e.t.y - p.y);
        if (d < bestD) { bestD = d; best = e; }
      }
    });
    return best;
  }

  canvas.addEventListener("mousedown", (event) => {
    const p = toWorld(event), n = nodeAt(p);
    state.drag = { node: n, sx: event.clientX, sy: event.clientY, vx: view.x, vy: view.y, moved: false };
  });
  window.addEventListener("mousemove", (event) => {
    const drag = state.drag;
    if (!drag) return;
    if (Math.abs(event.clientX - drag.sx) + Math.abs(event.clientY - drag.sy) > 3) drag.moved = true;
    if (!drag.moved) return;
    if (drag.node) { const p = toWorld(event); drag.node.x = p.x; drag.node.y = p.y; }
    else { view.x = drag.vx + event.clientX - drag.sx; view.y = drag.vy + event.clientY - drag.sy; }
    draw();
  });
  window.addEventListener("mouseup", (event) => {
    const drag = state.drag;
    state.drag = null;
    if (!drag || drag.moved || event.target !== canvas) return;
    const p = toWorld(event);
    select(drag.node || edgeAt(p));
  });
  canvas.addEventListener("wheel", (event) => {
    event.preventDefault();
    const box = canvas.getBoundingClientRect(), sx = event.clientX - box.left, sy = event.clientY - box.top;
    const factor = Math.exp(-event.deltaY * 0.0015), k = Math.min(8, Math.max(0.05, view.k * factor));
    view.x = sx - (sx - view.x) * (k / view.k);
    view.y = sy - (sy - view.y) * (k / view.k);
    view.k = k;
    draw();
  }, { passive: false });

  // ---- panel: what an element says and where it was read ----
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function select(item) {
    state.selected = item;
    const panel = document.getElementById("details");
    panel.replaceChildren();
    if (!item) { panel.append(el("p", "Click a node or an edge to see what the documents say about it.", "hint")); draw(); return; }
    const isEdge = item.source !== undefined;
    panel.append(el("h2", item.label));
    const badge = el("span", item.kind, "badge");
    if (!isEdge) badge.style.background = colour[item.kind];
    panel.append(badge);
    if (isEdge) panel.append(el("p", item.s.label + (data.directed ? " \u2192 " : " \u2014 ") + item.t.label, "ends"));
    panel.append(attributeTable(item, isEdge));
    panel.append(el("h3", isEdge ? "Source" : "Sources (" + item.links.length + " connections)"));
    const list = el("ol", undefined, "sources");
    (isEdge ? [item] : item.links).forEach((e) => list.append(sourceItem(e, isEdge ? null : item)));
    panel.append(list);
    draw();
  }

  function attributeTable(item, isEdge) {
    const table = el("table", undefined, "attrs");
    const skip = (k, v) => (isEdge && ["quote", "document"].includes(k)) || (k === "iri" && v === item.id);
    const rows = [["id", item.id], ...Object.entries(item.attrs).filter(([k, v]) => !skip(k, v))];
    rows.forEach(([key, value]) => {
      const tr = el("tr");
      tr.append(el("th", key), el("td", String(value)));
      table.append(tr);
    });
    return table;
  }

  function sourceItem(e, from) {
    const li = el("li");
    const text = !from ? e.label : e.s === from ? "\u2192 " + e.label + " " + e.t.label : "\u2190 " + e.s.label + " " + e.label;
    const head = el("a", text, "link");
    head.href = "#";
    head.addEventListener("click", (event) => { event.preventDefault(); select(e); });
    li.append(head);
    const where = [e.attrs.date, e.attrs.document].filter(Boolean).join(" \u00b7 ");
    if (where) li.append(el("div", where, "where"));
    if (e.attrs.quote) li.append(el("blockquote", e.attrs.quote));
    if (e.attrs.span_start !== undefined) li.append(el("div", "characters " + e.attrs.span_start + "\u2013" + e.attrs.span_end, "span"));
    return li;
  }

  // ---- search and legend ----
  const search = document.getElementById("search"), results = document.getElementById("results");
  function runSearch(query) {
    const q = query.trim().toLowerCase();
    results.replaceChildren();
    state.matches = q ? nodes.filter((n) => visible(n) && (n.label.toLowerCase().includes(q) || n.id.toLowerCase().includes(q))) : null;
    if (state.matches) {
      results.append(el("div", state.matches.length + " match" + (state.matches.length === 1 ? "" : "es"), "count"));
      state.matches.slice(0, 12).forEach((n) => {
        const a = el("a", n.label, "link");
        a.href = "#";
        a.addEventListener("click", (event) => { event.preventDefault(); centre(n); select(n); });
        results.append(a);
      });
    }
    draw();
    return state.matches ? state.matches.length : 0;
  }
  function centre(n) {
    view.x = canvas.clientWidth / 2 - n.x * view.k;
    view.y = canvas.clientHeight / 2 - n.y * view.k;
  }
  search.addEventListener("input", () => runSearch(search.value));
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && state.matches && state.matches.length) { centre(state.matches[0]); select(state.matches[0]); }
    if (event.key === "Escape") { search.value = ""; runSearch(""); }
  });

  const legend = document.getElementById("legend");
  data.kinds.forEach((k) => {
    const item = el("label", undefined, "kind");
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", () => { if (box.checked) hidden.delete(k.kind); else hidden.add(k.kind); draw(); });
    const swatch = el("span", undefined, "swatch");
    swatch.style.background = k.colour;
    item.append(box, swatch, el("span", k.kind + " (" + k.count + ")"));
    legend.append(item);
  });
  document.getElementById("stats").textContent =
    nodes.length + " nodes \u00b7 " + edges.length + " edges" + (data.directed ? " (directed)" : "");

  window.bskg = {
    nodeCount: nodes.length, edgeCount: edges.length, drawnNodes: 0, drawnEdges: 0,
    select: (id) => select(byId.get(id) || edges.find((e) => e.id === id) || null),
    search: runSearch,
    where: (id) => {  // where a node is on the screen, for scripted clicks
      const n = byId.get(id), box = canvas.getBoundingClientRect();
      return n ? { x: box.left + view.x + n.x * view.k, y: box.top + view.y + n.y * view.k } : null;
    },
  };
  window.addEventListener("resize", () => { fit(); resize(); });
  fit();
  resize();
  select(null);
  window.bskg.ready = true;
})();
