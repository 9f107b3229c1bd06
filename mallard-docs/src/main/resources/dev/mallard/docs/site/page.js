/* A node's page (description, details, columns with types, tests, lineage, SQL, config) and the
   two lineage graphs: nodes (whole project, a selector, or one node ± n) and one column's. */
(function () {
  'use strict';
  const App = window.MallardApp;
  const { byId, esc, link } = App;
  const main = () => document.getElementById('main');
  const badge = (text, cls) => '<span class="badge ' + esc(cls || '') + '">' + esc(text) + '</span>';
  const colKey = (id, col) => id + '\u0000' + col.toLowerCase();

  function testName(t) {
    return t.name.replace(/_[0-9a-f]{10}$/, '');
  }

  function details(n) {
    const rows = [['type', n.type], ['package', n.package], ['path', n.path], ['materialized', n.materialized],
      ['relation', n.relation], ['table type', n.table_type], ['row count', n.rows], ['tags', (n.tags || []).join(', ')],
      ['loader', n.loader], ['freshness', n.freshness], ['owner', n.owner], ['url', n.url],
      ['last result', n.status ? n.status + (n.message ? ': ' + n.message : '') : '']];
    return '<table class="details">' + rows.filter(r => r[1] !== undefined && r[1] !== null && r[1] !== '')
      .map(r => '<tr><th>' + esc(r[0]) + '</th><td>' + esc(r[1]) + '</td></tr>').join('') + '</table>';
  }

  function lineageCell(n, c) {
    const l = c.lineage;
    if (!l) return '';
    const up = l.up.map(([id, col]) => '<a href="#!/column/' + encodeURIComponent(id) + '/' + encodeURIComponent(col)
      + '">' + esc((byId.get(id) || { name: id }).name + '.' + col) + '</a>').join(' ');
    const unresolved = l.unresolved.map(u => badge('unresolved: ' + u, 'unresolved')).join(' ');
    const graph = ' <a class="muted" href="#!/column/' + encodeURIComponent(n.id) + '/' + encodeURIComponent(c.name)
      + '">graph</a>';
    const kind = l.up.length ? (l.direct ? '' : '<span class="muted">computed from</span> ')
      : (l.unresolved.length ? '' : '<span class="muted">no upstream column</span>');
    return kind + up + ' ' + unresolved + graph;
  }

  App.nodePage = function (index, d) {
    const n = Object.assign({}, index, d, {
      columns: (index.cols || []).map((name, k) => Object.assign({ name, lineage: App.lineageOf(index, k) },
        d.columns && d.columns[k]))
    });
    const tests = (App.testsOf.get(n.id) || []);
    const colTests = new Map();
    for (const t of tests) {
      if (!t.column) continue;
      const k = t.column.toLowerCase();
      if (!colTests.has(k)) colTests.set(k, []);
      colTests.get(k).push(t);
    }
    let html = '<h1><span class="kind">' + esc(n.type) + '</span>' + esc(n.name)
      + (n.status ? ' ' + badge(n.status, n.status) : '') + '</h1>'
      + (n.hidden ? '<p class="muted" id="hidden-note">This ' + esc(n.type) + ' is hidden (docs: show: false).</p>' : '');
    if (App.GRAPH_TYPES.has(n.type)) {
      html += '<p><a href="#!/graph/' + encodeURIComponent(n.id) + '?up=2&down=2" id="open-lineage">Lineage graph (±2)</a></p>';
    }
    html += (n.desc || '<p class="muted">No description.</p>') + '<h2>Details</h2>' + details(n);
    if (n.lineage_error && n.type === 'model') {
      html += '<p class="muted">Column lineage: ' + esc(n.lineage_error) + '</p>';
    }
    if ((n.columns || []).length) {
      const withLineage = n.columns.some(c => c.lineage);
      html += '<h2>Columns</h2><table id="columns"><tr><th>Column</th><th>Type</th><th>Description</th><th>Tests</th>'
        + (withLineage ? '<th>Lineage (upstream columns)</th>' : '') + '</tr>'
        + n.columns.map(c => '<tr data-column="' + esc(c.name) + '"><td><b>' + esc(c.name) + '</b></td><td>'
          + esc(c.type) + '</td><td>' + (c.desc || '') + '</td><td>'
          + (colTests.get(c.name.toLowerCase()) || []).map(t => '<a href="#!/node/' + encodeURIComponent(t.id) + '">'
            + badge(t.test || testName(t), t.status || '') + '</a>').join('')
          + '</td>' + (withLineage ? '<td class="lineage">' + lineageCell(n, c) + '</td>' : '') + '</tr>').join('')
        + '</table>';
    }
    if ((n.args || []).length) {
      html += '<h2>Arguments</h2><table id="arguments"><tr><th>Argument</th><th>Type</th><th>Description</th></tr>'
        + n.args.map(a => '<tr><td><b>' + esc(a.name) + '</b></td><td>' + esc(a.type) + '</td><td>' + (a.desc || '')
          + '</td></tr>').join('') + '</table>';
    }
    if (tests.length) {
      html += '<h2>Tests</h2><table id="tests"><tr><th>Test</th><th>Column</th><th>Last result</th></tr>'
        + tests.map(t => '<tr><td>' + link(t.id) + '</td><td>' + esc(t.column) + '</td><td>'
          + (t.status ? badge(t.status, t.status) + ' ' + esc(t.message || '') : '<span class="muted">not run</span>')
          + '</td></tr>').join('') + '</table>';
    }
    const parents = (n.deps || []).filter(id => byId.has(id));
    const kids = (App.children.get(n.id) || []).filter(id => byId.get(id).type !== 'test');
    if (parents.length) html += '<h2>Depends on</h2><div class="deps">' + parents.map(link).join(' ') + '</div>';
    if (kids.length) html += '<h2>Referenced by</h2><div class="deps">' + kids.map(link).join(' ') + '</div>';
    if (n.raw) {
      html += '<h2>Code</h2><div class="tabs"><button data-code="raw" class="on">Source</button>'
        + (n.compiled ? '<button data-code="compiled">Compiled</button>' : '') + '</div><pre><code id="code"></code></pre>';
    }
    if (n.config) html += '<h2>Config</h2><pre>' + esc(JSON.stringify(n.config, null, 2)) + '</pre>';
    main().innerHTML = html;
    if (n.raw) {
      const show = which => {
        const code = document.getElementById('code');
        const text = which === 'compiled' ? n.compiled : n.raw;
        code.innerHTML = window.hljs ? hljs.highlight(text, { language: 'sql', ignoreIllegals: true }).value : esc(text);
        main().querySelectorAll('.tabs button').forEach(b => b.classList.toggle('on', b.dataset.code === which));
      };
      main().querySelectorAll('.tabs button').forEach(b => b.addEventListener('click', () => show(b.dataset.code)));
      show('raw');
    }
  };

  const MAX_DRAWN = 1500;

  function drawNodes(ids, focus) {
    const container = document.getElementById('graph');
    const list = [...ids].filter(id => byId.has(id) && App.GRAPH_TYPES.has(byId.get(id).type));
    document.getElementById('graph-count').textContent = list.length + ' nodes';
    if (list.length > MAX_DRAWN) {
      container.innerHTML = '<p class="muted">' + list.length + ' nodes are too many to draw legibly: narrow the '
        + 'selection (e.g. +my_model or tag:finance).</p>';
      return;
    }
    const set = new Set(list);
    const nodes = list.map(id => {
      const n = byId.get(id);
      return { id, label: n.name, kind: n.type + (n.hidden ? ' hidden' : ''), focus: id === focus,
        title: n.type + ' ' + n.id + (n.hidden ? ' (hidden)' : '') };
    });
    const edges = [];
    for (const id of list) for (const p of byId.get(id).deps || []) if (set.has(p)) edges.push([p, id]);
    MallardGraph.render(container, nodes, edges, id => { location.hash = '#!/node/' + encodeURIComponent(id); });
  }

  App.graphPage = function (focus, params) {
    const up = params.get('up') || '2';
    const down = params.get('down') || '2';
    const selector = params.get('select') || '';
    const exclude = params.get('exclude') || '';
    main().innerHTML = '<h1>Lineage graph</h1><form class="controls" id="graph-form">'
      + (focus ? '<span>around ' + link(focus) + '</span> up <input type="number" min="0" name="up" value="'
        + esc(up) + '"> down <input type="number" min="0" name="down" value="' + esc(down) + '">' : '')
      + '<input type="text" name="select" placeholder="--select, e.g. +orders tag:daily" value="' + esc(selector) + '">'
      + '<input type="text" name="exclude" placeholder="--exclude" value="' + esc(exclude) + '">'
      + '<button>Show</button> <span class="muted" id="graph-count"></span></form><div id="graph"></div>';
    document.getElementById('graph-form').addEventListener('submit', e => {
      e.preventDefault();
      const f = new FormData(e.target);
      const q = new URLSearchParams();
      for (const [k, v] of f) if (v !== '') q.set(k, v);
      location.hash = '#!/graph/' + (focus ? encodeURIComponent(focus) : '') + '?' + q.toString();
    });
    let ids;
    if (selector) {
      ids = MallardSelect.select(selector, App.graph, exclude);
    } else if (focus) {
      ids = new Set([focus]);
      const walk = (start, next, depth) => {
        let frontier = [start];
        for (let d = 0; d < depth && frontier.length; d++) {
          frontier = frontier.flatMap(id => next(id)).filter(id => !ids.has(id) && byId.has(id));
          frontier.forEach(id => ids.add(id));
        }
      };
      walk(focus, App.graph.parents, parseInt(up, 10));
      walk(focus, id => App.graph.children(id).filter(c => App.GRAPH_TYPES.has(byId.get(c).type)), parseInt(down, 10));
      if (exclude) MallardSelect.select(exclude, App.graph).forEach(id => id !== focus && ids.delete(id));
    } else {
      ids = new Set(App.graph.nodes.map(n => n.id));
      if (exclude) MallardSelect.select(exclude, App.graph).forEach(id => ids.delete(id));
    }
    drawNodes(ids, focus);
  };

  App.columnPage = function (id, column) {
    const n = byId.get(id);
    const colOf = new Map();
    const down = new Map();
    for (const m of App.D.nodes) {
      if (!m.lin) continue;
      m.cols.forEach((name, k) => {
        const lineage = App.lineageOf(m, k);
        if (!lineage) return;
        colOf.set(colKey(m.id, name), { name, lineage });
        for (const [pid, pcol] of lineage.up) {
          const key = colKey(pid, pcol);
          if (!down.has(key)) down.set(key, []);
          down.get(key).push([m.id, name]);
        }
      });
    }
    const nodes = new Map();
    const edges = [];
    const label = (nid, col) => (byId.get(nid) || { name: nid }).name + '.' + col;
    const add = (nid, col) => {
      const k = colKey(nid, col);
      if (!nodes.has(k)) nodes.set(k, { id: k, label: label(nid, col), kind: (byId.get(nid) || {}).type,
        focus: nid === id && col.toLowerCase() === column.toLowerCase(), title: nid + '.' + col, ref: [nid, col] });
      return k;
    };
    const upSeen = new Set();
    const goUp = (nid, col) => {
      const k = add(nid, col);
      if (upSeen.has(k)) return;
      upSeen.add(k);
      const c = colOf.get(k);
      if (!c) return;
      for (const [pid, pcol] of c.lineage.up) { edges.push([add(pid, pcol), k]); goUp(pid, pcol); }
      c.lineage.unresolved.forEach((u, i) => {
        const uk = k + '\u0000?' + i;
        nodes.set(uk, { id: uk, label: '? ' + u, kind: 'unresolved', title: 'unresolved: ' + u });
        edges.push([uk, k]);
      });
    };
    const downSeen = new Set();
    const goDown = (nid, col) => {
      const k = add(nid, col);
      if (downSeen.has(k)) return;
      downSeen.add(k);
      for (const [cid, ccol] of down.get(k) || []) { edges.push([k, add(cid, ccol)]); goDown(cid, ccol); }
    };
    goUp(id, column);
    goDown(id, column);
    main().innerHTML = '<h1><span class="kind">column</span>' + (n ? link(id) : esc(id)) + '.' + esc(column) + '</h1>'
      + '<p class="muted">Upstream columns (left) and the columns computed from it (right), traced through the '
      + 'compiled SQL. Red dashed boxes are expressions that could not be traced.</p>'
      + '<p class="muted" id="graph-count"></p><div id="graph"></div>';
    document.getElementById('graph-count').textContent = nodes.size + ' columns';
    const list = [...nodes.values()];
    MallardGraph.render(document.getElementById('graph'), list, edges, k => {
      const node = nodes.get(k);
      if (node && node.ref) location.hash = '#!/column/' + encodeURIComponent(node.ref[0]) + '/' + encodeURIComponent(node.ref[1]);
    });
  };

  App.start();
})();
