"""Pairing items with timeline rows one-to-one: the graph's connected components and a maximum-weight
bipartite matching (pure; `monitor.track.timeline` folds its order of preference into the weights)."""

from __future__ import annotations

from collections.abc import Sequence


def components(items: Sequence[int], candidates: dict[int, list[str]]) -> list[list[int]]:
    """Items grouped by shared candidate entries (connected components), each group in item order."""
    parent = {i: i for i in items}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_item: dict[str, int] = {}
    for i in items:
        for eid in candidates[i]:
            if eid in first_item:
                parent[root(i)] = root(first_item[eid])
            else:
                first_item[eid] = i
    groups: dict[int, list[int]] = {}
    for i in items:
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def max_weight_matching(
    left: Sequence[int], candidates: dict[int, list[str]], weight: dict[tuple[int, str], int]
) -> dict[int, str]:
    """Maximum-weight bipartite matching by successive shortest augmenting paths (Bellman-Ford).

    Graphs here are small (the items of one version against the entries their dates and actors allow).
    """
    mate_of_item: dict[int, str] = {}
    mate_of_entry: dict[str, int] = {}
    while True:
        # Residual graph: free item -> entry over an unpaired edge (cost -w), entry -> its item over a paired
        # edge (cost +w). The cheapest path ending at a free entry is the augmentation adding most weight.
        to_item: dict[int, int] = {i: 0 for i in left if i not in mate_of_item}
        to_entry: dict[str, int] = {}
        via_item: dict[str, int] = {}  # entry reached from this item
        via_entry: dict[int, str] = {}  # paired item reached from this entry
        for _ in range(len(left) + len(mate_of_entry) + 2):
            changed = False
            for i in left:
                if i not in to_item:
                    continue
                for eid in candidates[i]:
                    cost = to_item[i] - weight[i, eid]
                    if mate_of_item.get(i) != eid and (eid not in to_entry or cost < to_entry[eid]):
                        to_entry[eid], via_item[eid], changed = cost, i, True
            for eid, i in mate_of_entry.items():
                if eid not in to_entry:
                    continue
                cost = to_entry[eid] + weight[i, eid]
                if i not in to_item or cost < to_item[i]:
                    to_item[i], via_entry[i], changed = cost, eid, True
            if not changed:
                break
        ends = [(cost, eid) for eid, cost in to_entry.items() if eid not in mate_of_entry and cost < 0]
        if not ends:
            return mate_of_item
        end: str | None = min(ends)[1]
        while end is not None:
            i = via_item[end]
            mate_of_item[i], mate_of_entry[end] = end, i
            end = via_entry.get(i)
