package dev.mallard.core.graph;

import dev.mallard.core.manifest.NodeId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The node graph: parents (what a node reads) and children, in a stable order. */
public final class Dag {
    private final Map<NodeId, List<NodeId>> parents;
    private final Map<NodeId, List<NodeId>> children;

    public Dag(Map<NodeId, List<NodeId>> parents) {
        Map<NodeId, List<NodeId>> p = new LinkedHashMap<>();
        Map<NodeId, List<NodeId>> c = new LinkedHashMap<>();
        for (NodeId id : parents.keySet()) {
            c.put(id, new ArrayList<>());
        }
        parents.forEach((id, ps) -> {
            List<NodeId> unique = List.copyOf(new LinkedHashSet<>(ps));
            p.put(id, unique);
            for (NodeId parent : unique) {
                c.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
            }
        });
        c.replaceAll((k, v) -> List.copyOf(v));
        for (NodeId id : c.keySet()) {
            p.putIfAbsent(id, List.of());
        }
        this.parents = Collections.unmodifiableMap(p);
        this.children = Collections.unmodifiableMap(c);
    }

    public Set<NodeId> nodes() {
        return parents.keySet();
    }

    public List<NodeId> parents(NodeId id) {
        return parents.getOrDefault(id, List.of());
    }

    public List<NodeId> children(NodeId id) {
        return children.getOrDefault(id, List.of());
    }

    public Map<NodeId, List<NodeId>> parentMap() {
        return parents;
    }

    public Map<NodeId, List<NodeId>> childMap() {
        return children;
    }

    /** Ancestors up to {@code depth} generations (negative: all). */
    public Set<NodeId> ancestors(NodeId id, int depth) {
        return walk(id, depth, true);
    }

    public Set<NodeId> descendants(NodeId id, int depth) {
        return walk(id, depth, false);
    }

    private Set<NodeId> walk(NodeId start, int depth, boolean up) {
        Set<NodeId> seen = new LinkedHashSet<>();
        Deque<NodeId> frontier = new ArrayDeque<>(List.of(start));
        int level = 0;
        while (!frontier.isEmpty() && (depth < 0 || level < depth)) {
            Deque<NodeId> next = new ArrayDeque<>();
            for (NodeId n : frontier) {
                for (NodeId m : up ? parents(n) : children(n)) {
                    if (seen.add(m)) {
                        next.add(m);
                    }
                }
            }
            frontier = next;
            level++;
        }
        return seen;
    }

    /** Nodes of {@code subset} in an order where every parent comes before its children. */
    public List<NodeId> topologicalOrder(Collection<NodeId> subset) {
        Set<NodeId> wanted = new LinkedHashSet<>(subset);
        List<NodeId> order = new ArrayList<>();
        Set<NodeId> done = new LinkedHashSet<>();
        for (NodeId id : parents.keySet()) {
            visit(id, wanted, done, order);
        }
        return order;
    }

    private void visit(NodeId root, Set<NodeId> wanted, Set<NodeId> done, List<NodeId> order) {
        // iterative post-order so that 10,000-deep chains do not overflow the stack
        Deque<NodeId> stack = new ArrayDeque<>();
        Deque<Integer> index = new ArrayDeque<>();
        if (done.contains(root)) {
            return;
        }
        Set<NodeId> onStack = new java.util.HashSet<>();
        onStack.add(root);
        stack.push(root);
        index.push(0);
        while (!stack.isEmpty()) {
            NodeId top = stack.peek();
            int i = index.pop();
            List<NodeId> ps = parents(top);
            if (i < ps.size()) {
                index.push(i + 1);
                NodeId p = ps.get(i);
                if (!done.contains(p) && onStack.add(p)) {
                    stack.push(p);
                    index.push(0);
                }
            } else {
                stack.pop();
                onStack.remove(top);
                if (done.add(top) && wanted.contains(top)) {
                    order.add(top);
                }
            }
        }
    }

    /** A cycle as a path that starts and ends at the same node, or an empty list. */
    public List<NodeId> findCycle() {
        Map<NodeId, Integer> state = new LinkedHashMap<>();
        for (NodeId start : parents.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<NodeId> path = new ArrayDeque<>();
            Deque<Integer> index = new ArrayDeque<>();
            path.push(start);
            index.push(0);
            state.put(start, 1);
            while (!path.isEmpty()) {
                NodeId top = path.peek();
                int i = index.pop();
                List<NodeId> ps = parents(top);
                if (i < ps.size()) {
                    index.push(i + 1);
                    NodeId p = ps.get(i);
                    Integer s = state.get(p);
                    if (s == null) {
                        state.put(p, 1);
                        path.push(p);
                        index.push(0);
                    } else if (s == 1) {
                        List<NodeId> cycle = new ArrayList<>();
                        List<NodeId> onPath = new ArrayList<>(path);
                        int at = onPath.indexOf(p);
                        for (int k = at; k >= 0; k--) {
                            cycle.add(onPath.get(k));
                        }
                        cycle.add(p);
                        // parents point upstream; show the flow downstream
                        Collections.reverse(cycle);
                        return cycle;
                    }
                } else {
                    state.put(top, 2);
                    path.pop();
                }
            }
        }
        return List.of();
    }
}
