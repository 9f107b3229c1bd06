/* --select-style node selection over the docs data: "a b" is a union, "a,b" an intersection;
   each part is [N+][@][method:]value[+N] with methods tag, type (resource_type), path, package,
   source, config.materialized, fqn, or none (name, unique id, path or fqn; * is a wildcard). */
(function () {
  'use strict';

  function glob(pattern) {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return new RegExp('^' + escaped + '$', 'i');
  }

  function matcher(method, value) {
    const re = glob(value);
    switch (method) {
      case 'tag': return n => (n.tags || []).some(t => re.test(t));
      case 'type': case 'resource_type': return n => re.test(n.type);
      case 'path': return n => n.path && (n.path.toLowerCase().startsWith(value.toLowerCase()) || re.test(n.path));
      case 'package': return n => re.test(n.package);
      case 'source': return n => n.type === 'source' && (re.test(n.source) || re.test(n.name));
      case 'config.materialized': return n => re.test(n.materialized || '');
      case 'fqn': case '':
        return n => re.test(n.name) || re.test(n.id) || (n.path && re.test(n.path))
          || (n.type === 'source' && re.test(n.name.split('.').pop()));
      default: throw new Error('unknown selector method ' + method + ':');
    }
  }

  function walk(start, next, depth) {
    const seen = new Set();
    let frontier = [...start];
    for (let d = 0; d < depth && frontier.length; d++) {
      const nextFrontier = [];
      for (const id of frontier) {
        for (const m of next(id) || []) {
          if (!seen.has(m) && !start.has(m)) { seen.add(m); nextFrontier.push(m); }
        }
      }
      frontier = nextFrontier;
    }
    return seen;
  }

  function atom(text, graph) {
    const m = /^(\d*\+)?(@)?(?:([a-z_.]+):)?(.+?)(\+\d*)?$/.exec(text);
    if (!m) throw new Error('cannot read selector ' + text);
    const test = matcher(m[3] || '', m[4]);
    const base = new Set(graph.nodes.filter(test).map(n => n.id));
    const out = new Set(base);
    const depth = s => s.length > 1 ? parseInt(s, 10) : Infinity;
    if (m[1]) walk(base, id => graph.parents(id), depth(m[1])).forEach(id => out.add(id));
    if (m[5] || m[2]) {
      const down = walk(base, id => graph.children(id), m[5] ? depth(m[5].slice(1) + '+') : Infinity);
      down.forEach(id => out.add(id));
      if (m[2]) walk(down, id => graph.parents(id), Infinity).forEach(id => out.add(id));
    }
    return out;
  }

  /** The ids a selector selects in graph = {nodes, parents(id), children(id)}. */
  function select(selector, graph, exclude) {
    const result = new Set();
    for (const union of selector.trim().split(/\s+/).filter(Boolean)) {
      let part = null;
      for (const inter of union.split(',')) {
        const ids = atom(inter, graph);
        part = part === null ? ids : new Set([...part].filter(id => ids.has(id)));
      }
      part.forEach(id => result.add(id));
    }
    if (exclude && exclude.trim()) {
      select(exclude, graph).forEach(id => result.delete(id));
    }
    return result;
  }

  window.MallardSelect = { select };
})();
