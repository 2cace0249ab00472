//! Which nodes of a graph lie on a cycle: the whole-model passes ask "does this type reach
//! itself?" only of those, so that a long chain of references costs its length, not its
//! length squared.

/// For each node of a graph (given as adjacency lists), whether it lies on a cycle: a
/// strongly connected component of more than one node, or a node with an edge to itself.
/// Tarjan's algorithm, with an explicit stack: a chain may be as long as the spec allows.
pub(super) fn on_cycles(edges: &[Vec<usize>]) -> Vec<bool> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let (mut index, mut low) = (vec![UNSEEN; n], vec![0; n]);
    let mut on_stack = vec![false; n];
    let mut component = vec![0; n];
    let mut sizes: Vec<usize> = Vec::new();
    let mut stack = Vec::new();
    let mut next = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // Each frame is a node and how many of its edges have been followed.
        let mut calls = vec![(root, 0)];
        (index[root], low[root], on_stack[root]) = (next, next, true);
        next += 1;
        stack.push(root);
        while let Some(&mut (v, ref mut followed)) = calls.last_mut() {
            if let Some(&w) = edges[v].get(*followed) {
                *followed += 1;
                if index[w] == UNSEEN {
                    (index[w], low[w], on_stack[w]) = (next, next, true);
                    next += 1;
                    stack.push(w);
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut size = 0;
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = sizes.len();
                    size += 1;
                    if w == v {
                        break;
                    }
                }
                sizes.push(size);
            }
        }
    }
    (0..n)
        .map(|v| sizes[component[v]] > 1 || edges[v].contains(&v))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::on_cycles;

    #[test]
    fn only_nodes_on_a_cycle_are_marked() {
        // 0 → 1 → 2 → 0 is a cycle, 3 leads into it, 4 loops on itself, 5 → 6 is a chain.
        let edges = vec![vec![1], vec![2], vec![0], vec![0], vec![4], vec![6], vec![]];
        assert_eq!(
            on_cycles(&edges),
            [true, true, true, false, true, false, false]
        );
    }

    #[test]
    fn a_chain_longer_than_any_stack_is_no_cycle() {
        let n = 1_000_000;
        let edges: Vec<Vec<usize>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { vec![] })
            .collect();
        assert!(on_cycles(&edges).iter().all(|on| !on));
        let mut ring = edges;
        ring[n - 1].push(0);
        assert!(on_cycles(&ring).iter().all(|on| *on));
    }
}
