/* Lays a directed graph out with dagre (shipped in docs-assets/) and draws it as SVG. */
(function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';

  function el(name, attrs, parent) {
    const e = document.createElementNS(SVG, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  /** nodes: [{id, label, kind, focus}], edges: [[from, to]]; onClick(id) on a node. */
  function render(container, nodes, edges, onClick) {
    container.innerHTML = '';
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: 10, ranksep: 70, marginx: 16, marginy: 16 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of nodes) {
      g.setNode(n.id, { width: Math.min(360, 16 + n.label.length * 7), height: 26, data: n });
    }
    for (const [a, b] of edges) {
      if (g.hasNode(a) && g.hasNode(b)) g.setEdge(a, b);
    }
    dagre.layout(g);
    const size = g.graph();
    const svg = el('svg', { width: size.width, height: size.height, 'data-nodes': nodes.length }, container);
    const defs = el('defs', {}, svg);
    const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7,
      markerHeight: 7, orient: 'auto' }, defs);
    el('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#8a9bb0' }, marker);
    for (const e of g.edges()) {
      const pts = g.edge(e).points;
      const d = 'M' + pts.map(p => p.x.toFixed(1) + ',' + p.y.toFixed(1)).join(' L');
      el('path', { d, class: 'edge' }, svg);
    }
    for (const id of g.nodes()) {
      const n = g.node(id);
      const data = n.data;
      const grp = el('g', { class: 'node ' + (data.kind || '') + (data.focus ? ' focus' : ''),
        transform: 'translate(' + (n.x - n.width / 2) + ',' + (n.y - n.height / 2) + ')', 'data-id': id }, svg);
      el('rect', { width: n.width, height: n.height }, grp);
      const t = el('text', { x: 8, y: 17 }, grp);
      t.textContent = data.label.length > 50 ? data.label.slice(0, 48) + '…' : data.label;
      const title = el('title', {}, grp);
      title.textContent = data.title || data.label;
      if (onClick) grp.addEventListener('click', () => onClick(id));
    }
    return svg;
  }

  window.MallardGraph = { render };
})();
