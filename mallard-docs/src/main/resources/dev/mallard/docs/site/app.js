/* The docs site's page: routes (#!/overview, #!/node/ID, #!/search/Q, #!/graph..., #!/column/ID/COL),
   the sidebar, and full-text search over names, descriptions and columns. */
(function () {
  'use strict';
  const D = window.MALLARD_DOCS;
  const byId = new Map();
  const children = new Map();
  const testsOf = new Map();
  const GRAPH_TYPES = new Set(['model', 'seed', 'snapshot', 'source', 'exposure', 'analysis']);
  const TYPE_ORDER = ['model', 'source', 'seed', 'snapshot', 'test', 'analysis', 'exposure', 'macro'];

  D.nodes.forEach((n, i) => { n.i = i; byId.set(n.id, n); });
  for (const n of D.nodes) if (typeof n.attached === 'number') n.attached = D.nodes[n.attached].id;
  for (const n of D.nodes) {
    for (const p of n.deps || []) {
      if (!children.has(p)) children.set(p, []);
      children.get(p).push(n.id);
    }
    if (n.type === 'test' && n.attached) {
      if (!testsOf.has(n.attached)) testsOf.set(n.attached, []);
      testsOf.get(n.attached).push(n);
    }
  }

  const esc = s => String(s == null ? '' : s).replace(/[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const link = id => {
    const n = byId.get(id);
    return n ? '<a href="#!/node/' + encodeURIComponent(id) + '">' + esc(n.name) + '</a>' : esc(id);
  };
  const main = () => document.getElementById('main');

  /* A node's details (description, column types, SQL, config) come in chunks, each loaded
     once by a script tag (this works from file:// too). */
  const chunks = new Map();
  const waiting = new Map();
  window.MallardDocs = {
    chunk(k, details) {
      chunks.set(k, details);
      (waiting.get(k) || []).forEach(w => w.resolve(details));
      waiting.delete(k);
    }
  };
  function detail(n) {
    const k = Math.floor(n.i / D.chunk_size);
    if (chunks.has(k)) return Promise.resolve(chunks.get(k)[n.i % D.chunk_size]);
    return new Promise((resolve, reject) => {
      if (!waiting.has(k)) {
        waiting.set(k, []);
        const s = document.createElement('script');
        s.src = 'docs-data/' + k + '.js';
        s.onerror = () => {
          (waiting.get(k) || []).forEach(w => w.reject(new Error('cannot load ' + s.src)));
          waiting.delete(k);
          s.remove();
        };
        document.head.appendChild(s);
      }
      waiting.get(k).push({ resolve, reject });
    }).then(chunk => chunk[n.i % D.chunk_size]);
  }

  /** Column k of a node with its lineage: {name, direct, up: [[id, column]...], unresolved}, or null. */
  function lineageOf(n, k) {
    const l = n.lin && n.lin[k];
    if (!l) return null;
    return { direct: l[0] === 1, up: l[1].map(([x, c]) => [typeof x === 'number' ? D.nodes[x].id : x, c]),
      unresolved: l[2] || [] };
  }

  const App = { D, byId, children, testsOf, esc, link, GRAPH_TYPES, detail, lineageOf,
    graph: {
      nodes: D.nodes.filter(n => GRAPH_TYPES.has(n.type)),
      parents: id => (byId.get(id) || {}).deps || [],
      children: id => children.get(id) || []
    } };
  window.MallardApp = App;

  /* ---- search ---- */
  let searchIndex = null;
  function buildIndex() {
    searchIndex = D.nodes.filter(n => !n.hidden).map(n => ({
      n,
      name: n.name.toLowerCase(),
      cols: (n.cols || []).map(c => c.toLowerCase()),
      text: (n.text || '').toLowerCase()
    }));
  }

  /** Matches ranked: name (exact, prefix, contains), then column names, then descriptions. */
  function search(q) {
    if (!searchIndex) buildIndex();
    const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = [];
    for (const e of searchIndex) {
      let score = 0;
      const where = [];
      let all = true;
      for (const t of terms) {
        let s = 0;
        if (e.name === t) s = 100; else if (e.name.startsWith(t)) s = 60; else if (e.name.includes(t)) s = 40;
        if (s) where.push('name');
        const col = e.cols.find(c => c.includes(t));
        if (col) { s = Math.max(s, col === t ? 30 : 20); where.push('column ' + col); }
        if (!s && e.text.includes(t)) { s = 10; where.push('description'); }
        if (!s) { all = false; break; }
        score += s;
      }
      if (all && terms.length) hits.push({ n: e.n, score: score + (e.n.type === 'model' ? 1 : 0), where });
    }
    hits.sort((a, b) => b.score - a.score || a.n.name.localeCompare(b.n.name));
    return hits;
  }

  function searchPage(q) {
    const started = performance.now();
    const hits = search(q);
    document.documentElement.dataset.searchMs = (performance.now() - started).toFixed(1);
    const shown = hits.slice(0, 200);
    main().innerHTML = '<h1>Search: ' + esc(q) + '</h1><p class="muted" id="hit-count">' + hits.length
      + (hits.length === 1 ? ' match' : ' matches') + (hits.length > shown.length ? ', the first 200 shown' : '')
      + '</p>' + shown.map(h => '<div class="result"><span class="kind">' + esc(h.n.type) + '</span>' + link(h.n.id)
        + ' <span class="muted">' + esc(h.n.package) + '</span><div class="where">matched in '
        + esc([...new Set(h.where)].join(', ')) + '</div></div>').join('');
  }

  /* ---- sidebar ---- */
  function tree() {
    const nav = document.getElementById('tree');
    const groups = new Map();
    for (const n of D.nodes) {
      if (n.hidden) continue; // docs: {show: false}
      if (!groups.has(n.type)) groups.set(n.type, []);
      groups.get(n.type).push(n);
    }
    const packages = [...new Set(D.nodes.map(n => n.package).filter(Boolean))].sort();
    let html = '<a href="#!/overview"><b>Overview</b></a>';
    for (const type of TYPE_ORDER) {
      const list = groups.get(type);
      if (!list) continue;
      html += '<details data-type="' + type + '"' + (type === 'model' ? ' open' : '') + '><summary>' + type
        + 's (' + list.length + ')</summary><div class="items"></div></details>';
    }
    html += '<details data-type="package"><summary>packages (' + packages.length + ')</summary><div class="items">'
      + packages.map(p => '<a href="#!/package/' + encodeURIComponent(p) + '">' + esc(p) + '</a>').join('')
      + '</div></details>';
    nav.innerHTML = html;
    // a type's list is drawn when first opened (a 10,000-model project opens without 10,000 links)
    const fill = d => {
      const items = d.querySelector('.items');
      if (items.childElementCount || d.dataset.type === 'package') return;
      const list = groups.get(d.dataset.type).slice().sort((a, b) => a.name.localeCompare(b.name));
      const limit = 2000;
      items.innerHTML = list.slice(0, limit).map(n => link(n.id)).join('')
        + (list.length > limit ? '<p class="muted">' + (list.length - limit) + ' more: use the search</p>' : '');
    };
    nav.querySelectorAll('details').forEach(d => {
      d.addEventListener('toggle', () => d.open && fill(d));
      if (d.open) fill(d);
    });
  }

  /* ---- overview and packages ---- */
  function overview() {
    const counts = TYPE_ORDER.map(t => [t, D.nodes.filter(n => n.type === t).length]).filter(c => c[1]);
    main().innerHTML = '<h1>' + esc(D.project) + '</h1><p class="muted">generated ' + esc(D.generated_at) + ' · '
      + counts.map(c => c[1] + ' ' + c[0] + (c[1] === 1 ? '' : 's')).join(', ') + '</p>'
      + '<div class="overview">' + D.overview + '</div>';
  }

  function packagePage(name) {
    const list = D.nodes.filter(n => n.package === name && !n.hidden);
    main().innerHTML = '<h1><span class="kind">package</span>' + esc(name) + '</h1>'
      + TYPE_ORDER.map(t => {
        const of = list.filter(n => n.type === t);
        return of.length ? '<h2>' + t + 's (' + of.length + ')</h2><div class="deps">'
          + of.map(n => link(n.id)).join(' ') + '</div>' : '';
      }).join('');
  }

  /* ---- routing ---- */
  function route() {
    const hash = location.hash.replace(/^#!?\/?/, '');
    const cut = hash.indexOf('?');
    const path = decodeURIComponent(cut < 0 ? hash : hash.slice(0, cut));
    const params = new URLSearchParams(cut < 0 ? '' : hash.slice(cut + 1));
    const parts = path.split('/');
    try {
      if (parts[0] === 'node' && byId.has(parts.slice(1).join('/'))) {
        const n = byId.get(parts.slice(1).join('/'));
        detail(n).then(d => App.nodePage(n, d),
          e => { main().innerHTML = '<h1>Error</h1><pre>' + esc(e.message) + '</pre>'; });
      }
      else if (parts[0] === 'search') searchPage(parts.slice(1).join('/'));
      else if (parts[0] === 'package') packagePage(parts.slice(1).join('/'));
      else if (parts[0] === 'graph') App.graphPage(parts.slice(1).join('/'), params);
      else if (parts[0] === 'column') App.columnPage(parts[1], parts.slice(2).join('/'));
      else overview();
    } catch (e) {
      main().innerHTML = '<h1>Error</h1><pre>' + esc(e.message) + '</pre>';
    }
    main().scrollTop = 0;
  }

  App.start = function () {
    document.getElementById('project').textContent = D.project;
    document.title = D.project + ' · Mallard docs';
    tree();
    const box = document.getElementById('search');
    let timer = null;
    box.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (box.value.trim()) location.hash = '#!/search/' + encodeURIComponent(box.value.trim());
      }, 120);
    });
    window.addEventListener('hashchange', route);
    route();
    // for bench/docs: from navigation start to the first page drawn (data loaded, sidebar, route)
    document.documentElement.dataset.readyMs = Math.round(performance.now());
  };
  App.search = search;
})();
