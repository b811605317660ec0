/* The drawing, legend, labels and clicks of every view; a page sets pftzData, pftzOptions, pftzAxis,
   pftzOutline and pftzPhysics first, then calls drawGraph(). */
function pftzShowTip(id) {
  /* vis-network 9 puts a string title in with innerText; ours is escaped HTML. */
  var ih = network.interactionHandler, popup = ih && ih.popup;
  var kind = popup && popup.popupTargetType;
  var item = kind === 'edge' ? edges.get(id) : (nodes.get(id) || edges.get(id));
  var tip = document.querySelector('#mynetwork div.vis-tooltip');
  if (!item || !tip || typeof item.title !== 'string') return;
  tip.innerHTML = item.title;
  if (popup && typeof popup.show === 'function') popup.show();
}
function pftzGroupOpen(id) {
  var g = nodes.get(id);
  return !!(g && g.expanded);
}
function pftzRefresh() {
  /* What is shown follows the legend's boxes and the open group nodes. */
  var shown = {};
  document.querySelectorAll('#legend input[data-label]').forEach(function (b) {
    shown[b.getAttribute('data-label')] = b.checked;
  });
  var box = document.querySelector('#legend input[data-derived]');
  var derived = !box || box.checked;
  /* The time slider keeps the edges dated up to its month (undated ones stay); the batch menu keeps one
     batch, its measures and their neighbours. */
  var slider = document.getElementById('pftz-until'), until = null;
  if (slider) {
    var months = JSON.parse(slider.getAttribute('data-months'));
    until = months[Number(slider.value)];
    document.getElementById('pftz-until-label').textContent = until;
    if (Number(slider.value) === months.length - 1) until = null;
  }
  var menu = document.getElementById('pftz-batch'), keep = null;
  if (menu && menu.value) {
    var around = function (ids) {
      var out = {};
      ids.forEach(function (id) { out[id] = true; });
      allEdgeList.forEach(function (e) {
        if (ids.indexOf(e.from) >= 0) out[e.to] = true;
        if (ids.indexOf(e.to) >= 0) out[e.from] = true;
      });
      return out;
    };
    var measures = Object.keys(around([menu.value])).filter(function (id) {
      var n = nodes.get(id); return n && n.type === 'Measure';
    });
    keep = around(measures.concat([menu.value]));
  }
  var later = function (stamp) {
    var when = String(stamp || '').slice(0, 7);
    return until !== null && /^\d{4}-\d{2}$/.test(when) && when > until;
  };
  nodes.update(nodes.get().map(function (n) {
    return {id: n.id, hidden: shown[n.type] === false || (n.memberOf !== undefined && !pftzGroupOpen(n.memberOf))
      || (keep !== null && !keep[n.id]) || later(n.date || n.established)};
  }));
  edges.update(edges.get().map(function (e) {
    var closed = e.memberOf !== undefined && !pftzGroupOpen(e.memberOf);
    return {id: e.id, hidden: (e.derived === true && !derived) || closed || later(e.date || e.first)};
  }));
  if (pftzLabelledAt !== null) pftzRelabel(null);
  window.pftz.shownEdges = edges.get({filter: function (e) { return !e.hidden; }}).length;
  window.pftz.shownNodes = nodes.get({filter: function (n) { return !n.hidden; }}).length;
}
var allEdgeList = [];
function pftzWireLegend() {
  document.querySelectorAll('#legend input[data-label], #legend input[data-derived]').forEach(function (box) {
    box.addEventListener('change', pftzRefresh);
  });
  allEdgeList = edges.get();
  var slider = document.getElementById('pftz-until'), menu = document.getElementById('pftz-batch');
  if (slider) slider.addEventListener('input', pftzRefresh);
  if (menu) menu.addEventListener('change', pftzRefresh);
}
function pftzToggleGroup(id) {
  /* A group node (All PFTZs, Nationwide) lists the places derived diffusion reaches when clicked. */
  var g = nodes.get(id);
  if (!g || !g.expands) return;
  var open = !g.expanded;
  nodes.update({id: g.id, expanded: open, label: open ? g.labelOpen : g.labelClosed});
  pftzRefresh();
  pftzDeclutter();
}
function pftzDrawAxis(ctx) {
  if (!pftzAxis) return;
  ctx.save();
  ctx.font = '15px sans-serif'; ctx.textAlign = 'center'; ctx.fillStyle = '#555';
  ctx.strokeStyle = '#e3e3e3'; ctx.lineWidth = 1; ctx.setLineDash([4, 4]);
  pftzAxis.ticks.forEach(function (t) {
    ctx.beginPath(); ctx.moveTo(t[0], pftzAxis.top + 12); ctx.lineTo(t[0], pftzAxis.bottom); ctx.stroke();
    ctx.fillText(t[1], t[0], pftzAxis.top);
  });
  ctx.restore();
}
function pftzDrawOutline(ctx) {
  /* The provinces' outline (Natural Earth, public domain) under the map. */
  if (!pftzOutline) return;
  ctx.save();
  ctx.fillStyle = '#f4f1ea'; ctx.strokeStyle = '#b9b2a2'; ctx.lineWidth = 1;
  pftzOutline.forEach(function (ring) {
    ctx.beginPath();
    ring.forEach(function (p, i) { if (i) ctx.lineTo(p[0], p[1]); else ctx.moveTo(p[0], p[1]); });
    ctx.closePath(); ctx.fill(); ctx.stroke();
  });
  ctx.restore();
  window.pftz.outlineDrawn = (window.pftz.outlineDrawn || 0) + 1;
}
function pftzDeclutter() {
  /* Labels that would overlap a better-connected node's label show on hover only. */
  var shown = nodes.get({filter: function (n) { return !n.hidden && n.label && n.label.trim(); }});
  shown.sort(function (a, b) { return (b.rank || 0) - (a.rank || 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
  var kept = [], drop = [];
  shown.forEach(function (n) {
    var b = network.getBoundingBox(n.id);
    var hit = kept.some(function (k) {
      return b.left < k.right && k.left < b.right && b.top < k.bottom && k.top < b.bottom;
    });
    /* A box without text would shrink to nothing: a blank keeps it a small box. */
    if (hit && n.id !== pftzHovered) {
      var d = {id: n.id, label: n.shape === 'box' ? ' ' : '', hoverLabel: n.hoverLabel || n.label, kept: false};
      if (n.hoverFont && n.shape === 'box') d.font = {size: 14};
      drop.push(d);
    } else kept.push(b);
  });
  if (drop.length) nodes.update(drop);
  window.pftz.decluttered = drop.length;
}
var pftzBigLabel = 13.5;  /* labelPx from which a label may be drawn over other nodes (the top of 11 to 16) */
var pftzZoomLabels = false, pftzLabelledAt = null, pftzHovered = null, pftzZoomTimer = null;
function pftzLabelsByZoom() {
  /* The whole graph and the map: labels keep their size on screen (labelPx, by importance); the most
     important ones that fit without overlapping are shown, more of them as one zooms in. */
  var s = network.getScale(), pos = network.getPositions();
  var ctx = document.createElement('canvas').getContext('2d');
  var shown = nodes.get({filter: function (n) { return !n.hidden && n.hoverLabel !== undefined; }});
  shown.sort(function (a, b) { return (b.rank || 0) - (a.rank || 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
  var kept = [], upd = [], frame = document.getElementById('mynetwork');
  var a = network.DOMtoCanvas({x: 0, y: 0}), z = network.DOMtoCanvas({x: frame.clientWidth, y: frame.clientHeight});
  shown.forEach(function (n) {
    var px = n.labelPx || 12, p = pos[n.id], size = n.size || 16, gap = 3 / s;
    ctx.font = px + 'px sans-serif';
    var lines = String(n.hoverLabel).split('\n');
    var w = Math.max.apply(null, lines.map(function (l) { return ctx.measureText(l).width; })) / s;
    var h = lines.length * px * 1.25 / s, box;
    if (n.shape === 'box') {
      box = [p.x - w / 2 - 8 / s, p.y - h / 2 - 8 / s, p.x + w / 2 + 8 / s, p.y + h / 2 + 8 / s];
    } else {
      var half = Math.max(w / 2, size);
      box = [p.x - half, p.y - size, p.x + half, p.y + size + 4 / s + h];
    }
    /* The text's own part of the box (below a dot, the whole of a box) keeps clear of other nodes, but for
       the most important nodes' (drawn over them, with a halo). */
    var text = n.shape === 'box' ? box : [box[0], p.y + size, box[2], box[3]];
    var inside = box[0] >= a.x && box[1] >= a.y && box[2] <= z.x && box[3] <= z.y;  /* no label cut at an edge */
    var fits = n.id === pftzHovered || (inside && !kept.some(function (k) {
      return box[0] < k[2] + gap && k[0] < box[2] + gap && box[1] < k[3] + gap && k[1] < box[3] + gap;
    }) && (px >= pftzBigLabel || !shown.some(function (o) {
      var q = pos[o.id], r = o.size || 16;
      return o.id !== n.id && q.x + r > text[0] && q.x - r < text[2] && q.y + r > text[1] && q.y - r < text[3];
    })));
    if (fits) kept.push(box);
    /* An unlabelled box keeps a small font: its blank label sets its size. */
    upd.push({id: n.id, label: fits ? n.hoverLabel : (n.shape === 'box' ? ' ' : ''),
      font: {size: fits || n.shape !== 'box' ? px / s : 14, strokeWidth: n.shape === 'box' ? 0 : 3 / s,
        strokeColor: '#ffffff'},
      hoverFont: px / s, kept: fits});
  });
  nodes.update(upd);
  pftzLabelledAt = s;
}
function pftzRelabel(then) {
  /* Labels by zoom, then (their boxes known once drawn) drop any that still overlap. */
  if (!pftzZoomLabels) { if (then) then(); return; }
  pftzLabelsByZoom();
  network.once('afterDrawing', function () { pftzDeclutter(); if (then) then(); });
  network.redraw();
}
function pftzLabelBoxes() {
  /* The drawn box (shape and label) of every visible node with a label, for the overlap tests. */
  return nodes.get({filter: function (n) { return !n.hidden && n.label && n.label.trim(); }}).map(function (n) {
    var b = network.getBoundingBox(n.id);
    return {id: n.id, label: n.label, left: b.left, right: b.right, top: b.top, bottom: b.bottom};
  });
}
function drawGraph() {
  var container = document.getElementById('mynetwork'), tips = window.pftzTips;
  if (tips) {  /* a page of the site names its tooltips by number (tips.js) */
    [window.pftzData.nodes, window.pftzData.edges].forEach(function (items) {
      items.forEach(function (it) { if (it.tip !== undefined) it.title = tips[it.tip]; });
    });
  }
  nodes = new vis.DataSet(window.pftzData.nodes);
  edges = new vis.DataSet(window.pftzData.edges);
  nodeColors = {};
  allNodes = nodes.get({returnType: 'Object'});
  for (var nodeId in allNodes) { nodeColors[nodeId] = allNodes[nodeId].color; }
  allEdges = edges.get({returnType: 'Object'});
  data = {nodes: nodes, edges: edges};
  options = window.pftzOptions;
  pftzZoomLabels = window.pftzData.nodes.some(function (n) { return n.labelPx !== undefined; });
  network = new vis.Network(container, data, options);
  network.on('showPopup', pftzShowTip);
  network.once('afterDrawing', function () { window.pftz.drawn = true; window.pftz.drawnAt = performance.now(); });
  if (pftzAxis) network.on('beforeDrawing', pftzDrawAxis);
  if (pftzOutline) network.on('beforeDrawing', pftzDrawOutline);
  if (pftzPhysics) {
    network.once('stabilizationIterationsDone', function () {
      network.setOptions({physics: {enabled: false}});
      /* Label boxes are measured when drawn: declutter after the next drawing. */
      network.once('afterDrawing', function () {
        pftzDeclutter();
        window.pftz.stable = true; window.pftz.stableAt = performance.now();
      });
      network.redraw();
    });
  } else {
    /* With physics off vis fits before node sizes are known; fit again once drawn. */
    network.once('afterDrawing', function () {
      network.fit({animation: false});
      var done = function () { window.pftz.stable = true; window.pftz.stableAt = performance.now(); };
      if (pftzZoomLabels) pftzRelabel(done); else { pftzDeclutter(); done(); }
    });
  }
  if (pftzZoomLabels) {  /* labels follow the view: what fits after a zoom or a drag */
    var later = function () {
      clearTimeout(pftzZoomTimer);
      pftzZoomTimer = setTimeout(function () { pftzRelabel(null); }, 120);
    };
    network.on('zoom', later);
    network.on('dragEnd', later);
  }
  pftzWireLegend();
  /* Nodes whose label would overlap another show it while hovered. */
  network.on('hoverNode', function (p) {
    pftzHovered = p.node;
    var n = nodes.get(p.node);
    if (n && n.hoverLabel && !(n.label || '').trim()) {
      nodes.update(n.hoverFont ? {id: n.id, label: n.hoverLabel, font: {size: n.hoverFont}} : {id: n.id, label: n.hoverLabel});
    }
  });
  network.on('blurNode', function (p) {
    pftzHovered = null;
    var n = nodes.get(p.node);
    if (n && n.hoverLabel && !n.kept) {
      var blank = n.shape === 'box' ? ' ' : '';
      nodes.update(n.hoverFont && n.shape === 'box' ? {id: n.id, label: blank, font: {size: 14}} : {id: n.id, label: blank});
    }
  });
  network.on('click', function (p) {
    if (p.nodes.length !== 1) return;
    var n = nodes.get(p.nodes[0]);
    /* A node with a page of its own opens it; a group node lists the places it stands for. */
    if (n && n.href && !n.expands) { window.location.href = n.href; return; }
    pftzToggleGroup(p.nodes[0]);
  });
  return network;
}
