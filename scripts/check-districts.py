#!/usr/bin/env python3
"""Check data/beijing-districts.ron, the schematic outlines of Beijing's sixteen districts.

The facts are those of shared/research/beijing-districts.md (centroids, areas, size ranks and the
35 neighbouring pairs), copied into FACTS below. Python 3, standard library only.

Checks: 16 districts with the expected ids; 10-40 points each (Dongcheng and Xicheng: 5-40);
coordinates written with 4 decimals; rings not closed (first point not repeated), no repeated
vertex, counter-clockwise, not self-intersecting; area-weighted centroid within 5 km of the listed
one; area within 30 % of the listed one, the size ranks in the listed order and the total within
10 % of 16,412 km²; the neighbour graph computed from shared edges equal to the listed one; shared
edges run in opposite directions; non-neighbours share no vertex; no vertex strictly inside
another district, no vertex in the interior of another district's edge, no proper edge crossings
between districts; the edges not shared form one simple outer ring (so there are no gaps inside),
whose extent is close to Beijing's.

Distances and areas use an equirectangular projection: 1 degree of latitude = 111.32 km and
1 degree of longitude = 111.32 km * cos(latitude).

Usage: scripts/check-districts.py [path/to/beijing-districts.ron]. Exit 0 when all checks pass.
"""

import math
import os
import re
import sys

KM_PER_DEG = 111.32
MAX_CENTROID_KM = 5.0
AREA_TOLERANCE = 0.30
TOTAL_AREA = 16412.0
TOTAL_TOLERANCE = 0.10
EXTENT = (115.42, 117.51, 39.44, 41.06)  # lon min, lon max, lat min, lat max
EXTENT_TOLERANCE = 0.05  # degrees
MIN_SHARED_KM = 1.0  # every listed border should be visible on the map

# id: (centroid lon, centroid lat, area km², size rank, neighbours)
FACTS = {
    "dongcheng": (116.42, 39.91, 42, 16, ["xicheng", "chaoyang", "fengtai"]),
    "xicheng": (116.37, 39.91, 50, 15, ["dongcheng", "chaoyang", "fengtai", "haidian"]),
    "chaoyang": (116.52, 39.95, 464, 11, ["dongcheng", "xicheng", "fengtai", "haidian",
                                          "tongzhou", "shunyi", "changping", "daxing"]),
    "fengtai": (116.25, 39.84, 304, 13, ["dongcheng", "xicheng", "chaoyang", "shijingshan",
                                         "haidian", "mentougou", "fangshan", "daxing"]),
    "shijingshan": (116.18, 39.93, 84, 14, ["fengtai", "haidian", "mentougou"]),
    "haidian": (116.23, 40.03, 431, 12, ["xicheng", "chaoyang", "fengtai", "shijingshan",
                                         "mentougou", "changping"]),
    "mentougou": (115.79, 39.99, 1448, 5, ["fengtai", "shijingshan", "haidian", "fangshan",
                                           "changping"]),
    "fangshan": (115.85, 39.72, 1998, 3, ["fengtai", "mentougou", "daxing"]),
    "tongzhou": (116.73, 39.80, 906, 10, ["chaoyang", "shunyi", "daxing"]),
    "shunyi": (116.72, 40.15, 1009, 8, ["chaoyang", "tongzhou", "changping", "huairou",
                                        "pinggu", "miyun"]),
    "changping": (116.21, 40.22, 1343, 6, ["chaoyang", "haidian", "mentougou", "shunyi",
                                           "huairou", "yanqing"]),
    "daxing": (116.42, 39.65, 1034, 7, ["chaoyang", "fengtai", "fangshan", "tongzhou"]),
    "huairou": (116.59, 40.63, 2124, 2, ["shunyi", "changping", "miyun", "yanqing"]),
    "pinggu": (117.15, 40.21, 949, 9, ["shunyi", "miyun"]),
    "miyun": (116.99, 40.53, 2230, 1, ["shunyi", "huairou", "pinggu"]),
    "yanqing": (116.16, 40.54, 1995, 4, ["changping", "huairou"]),
}
SMALL = {"dongcheng", "xicheng"}

failures = []


def fail(msg):
    failures.append(msg)
    print("  FAIL: " + msg)


# ---------------------------------------------------------------- parsing

NUM = r"(-?\d+\.\d+)"
POINT_RE = re.compile(r"\(\s*" + NUM + r"\s*,\s*" + NUM + r"\s*\)")
DISTRICT_RE = re.compile(r'id:\s*"([a-z]+)"\s*,\s*outline:\s*\[(.*?)\]', re.S)


def parse(text):
    # Drop // comments (the file has no "//" inside strings).
    text = "\n".join(line.split("//", 1)[0] for line in text.splitlines())
    districts = []
    for m in DISTRICT_RE.finditer(text):
        body = m.group(2)
        raw = POINT_RE.findall(body)
        leftover = POINT_RE.sub("", body).replace(",", "").strip()
        if leftover:
            fail("%s: cannot parse outline near %r" % (m.group(1), leftover[:40]))
        districts.append((m.group(1), raw))
    return districts


# ---------------------------------------------------------------- geometry


def ring_area_centroid(ring):
    """Signed area (deg², counter-clockwise positive) and centroid (lon, lat) of a ring."""
    a = cx = cy = 0.0
    n = len(ring)
    x0, y0 = ring[0]
    for i in range(n):
        x1, y1 = ring[i][0] - x0, ring[i][1] - y0
        x2, y2 = ring[(i + 1) % n][0] - x0, ring[(i + 1) % n][1] - y0
        c = x1 * y2 - x2 * y1
        a += c
        cx += (x1 + x2) * c
        cy += (y1 + y2) * c
    a /= 2.0
    if a == 0:
        return 0.0, ring[0]
    return a, (cx / (6 * a) + x0, cy / (6 * a) + y0)


def area_km2(ring):
    a, (_, lat) = ring_area_centroid(ring)
    return a * KM_PER_DEG ** 2 * math.cos(math.radians(lat))


def dist_km(p, q):
    lat = math.radians((p[1] + q[1]) / 2)
    dx = (p[0] - q[0]) * KM_PER_DEG * math.cos(lat)
    dy = (p[1] - q[1]) * KM_PER_DEG
    return math.hypot(dx, dy)


def orient(a, b, c):
    v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    if abs(v) < 1e-14:
        return 0
    return 1 if v > 0 else -1


def on_segment(a, b, p):
    """p on the closed segment ab (p collinear with ab assumed)."""
    return (min(a[0], b[0]) - 1e-12 <= p[0] <= max(a[0], b[0]) + 1e-12
            and min(a[1], b[1]) - 1e-12 <= p[1] <= max(a[1], b[1]) + 1e-12)


def segments_intersect(a, b, c, d):
    """Closed segments ab and cd share at least one point."""
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    if o1 != o2 and o3 != o4:
        return True
    if o1 == 0 and on_segment(a, b, c):
        return True
    if o2 == 0 and on_segment(a, b, d):
        return True
    if o3 == 0 and on_segment(c, d, a):
        return True
    if o4 == 0 and on_segment(c, d, b):
        return True
    return False


def proper_crossing(a, b, c, d):
    """Segments cross at a point interior to both (no shared endpoints, not collinear)."""
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return 0 not in (o1, o2, o3, o4) and o1 != o2 and o3 != o4


def point_in_ring(p, ring):
    """1 strictly inside, 0 on the boundary, -1 outside."""
    n = len(ring)
    inside = False
    for i in range(n):
        a, b = ring[i], ring[(i + 1) % n]
        if orient(a, b, p) == 0 and on_segment(a, b, p):
            return 0
        if (a[1] > p[1]) != (b[1] > p[1]):
            x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            if x > p[0]:
                inside = not inside
    return 1 if inside else -1


def bbox(ring):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs), max(xs), min(ys), max(ys)


def bbox_overlap(b1, b2):
    return b1[0] <= b2[1] and b2[0] <= b1[1] and b1[2] <= b2[3] and b2[2] <= b1[3]


def edges(ring):
    return [(ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring))]


def self_intersections(ring):
    es = edges(ring)
    n = len(es)
    bad = []
    for i in range(n):
        for j in range(i + 1, n):
            a, b = es[i]
            c, d = es[j]
            if j == i + 1 or (i == 0 and j == n - 1):
                # Adjacent edges share one vertex; they must not fold back onto each other.
                shared = b if j == i + 1 else a
                other1 = a if j == i + 1 else b
                other2 = d if j == i + 1 else c
                if orient(other1, shared, other2) == 0 and (
                        on_segment(shared, other1, other2) or on_segment(shared, other2, other1)):
                    bad.append((i, j))
                continue
            if segments_intersect(a, b, c, d):
                bad.append((i, j))
    return bad


# ---------------------------------------------------------------- checks


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "data", "beijing-districts.ron")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    print("checking %s" % path)

    parsed = parse(text)
    rings = {}
    print("\n== districts and points")
    for did, raw in parsed:
        if did in rings:
            fail("%s listed twice" % did)
        for x, y in raw:
            if len(x.split(".")[1]) != 4 or len(y.split(".")[1]) != 4:
                fail("%s: coordinate (%s, %s) not written with 4 decimals" % (did, x, y))
                break
        rings[did] = [(float(x), float(y)) for x, y in raw]
    ids = set(rings)
    if ids != set(FACTS):
        fail("ids differ: missing %s, unexpected %s"
             % (sorted(set(FACTS) - ids), sorted(ids - set(FACTS))))
    for did in FACTS:
        if did not in rings:
            continue
        n = len(rings[did])
        lo = 5 if did in SMALL else 10
        ok = lo <= n <= 40
        print("  %-12s %3d points%s" % (did, n, "" if ok else "  <-- want %d-40" % lo))
        if not ok:
            fail("%s has %d points, want %d-40" % (did, n, lo))
    if not rings:
        print("no districts parsed")
        return 1

    print("\n== rings: not closed, no repeated vertex, counter-clockwise, simple")
    for did, ring in rings.items():
        if len(ring) < 3:
            fail("%s: fewer than 3 points" % did)
            continue
        if ring[0] == ring[-1]:
            fail("%s: ring is closed (first point repeated at the end)" % did)
        if len(set(ring)) != len(ring):
            fail("%s: a vertex appears more than once" % did)
        a, _ = ring_area_centroid(ring)
        if a <= 0:
            fail("%s: ring is not counter-clockwise" % did)
        bad = self_intersections(ring)
        if bad:
            fail("%s: self-intersecting (edge pairs %s)" % (did, bad[:5]))
    print("  done")

    print("\n== centroids (km from the listed centroid, limit %.0f km)" % MAX_CENTROID_KM)
    areas = {}
    worst = 0.0
    for did in FACTS:
        if did not in rings:
            continue
        lon, lat, area, rank, _ = FACTS[did]
        _, c = ring_area_centroid(rings[did])
        d = dist_km(c, (lon, lat))
        worst = max(worst, d)
        print("  %-12s (%.3f, %.3f) vs (%.2f, %.2f): %5.2f km" % (did, c[0], c[1], lon, lat, d))
        if d > MAX_CENTROID_KM:
            fail("%s centroid %.2f km from the listed one" % (did, d))
        areas[did] = area_km2(rings[did])
    print("  max centroid error: %.2f km" % worst)

    print("\n== areas (km², limit ±%d %%) and size ranks" % round(AREA_TOLERANCE * 100))
    by_size = sorted(areas, key=lambda k: -areas[k])
    got_rank = {did: i + 1 for i, did in enumerate(by_size)}
    for did in sorted(areas, key=lambda k: FACTS[k][3]):
        listed = FACTS[did][2]
        ratio = areas[did] / listed
        print("  %-12s %7.1f vs %5d  ratio %.3f  rank %2d (listed %2d)"
              % (did, areas[did], listed, ratio, got_rank[did], FACTS[did][3]))
        if abs(ratio - 1) > AREA_TOLERANCE:
            fail("%s area %.0f km² vs %d listed (ratio %.2f)" % (did, areas[did], listed, ratio))
        if got_rank[did] != FACTS[did][3]:
            fail("%s is size rank %d, listed %d" % (did, got_rank[did], FACTS[did][3]))
    total = sum(areas.values())
    print("  total %.0f km² vs %.0f (ratio %.3f)" % (total, TOTAL_AREA, total / TOTAL_AREA))
    if abs(total / TOTAL_AREA - 1) > TOTAL_TOLERANCE:
        fail("total area %.0f km² vs %.0f" % (total, TOTAL_AREA))

    print("\n== neighbours from shared edges")
    edge_owner = {}  # directed edge -> district
    undirected = {}  # frozenset edge -> list of districts
    for did, ring in rings.items():
        for a, b in edges(ring):
            edge_owner.setdefault((a, b), []).append(did)
            undirected.setdefault(frozenset((a, b)), []).append(did)
    computed = set()
    shared_len = {}
    for e, owners in undirected.items():
        if len(owners) > 2:
            fail("edge %s used by %s" % (sorted(e), owners))
        if len(owners) == 2:
            a, b = owners
            if a == b:
                fail("%s uses an edge twice" % a)
                continue
            pair = frozenset(owners)
            computed.add(pair)
            p, q = tuple(e)
            shared_len[pair] = shared_len.get(pair, 0.0) + dist_km(p, q)
    for (a, b), owners in edge_owner.items():
        if len(owners) > 1:
            fail("edge %s->%s runs the same way in %s (overlap)" % (a, b, owners))
    listed = set()
    for did, fact in FACTS.items():
        for nb in fact[4]:
            listed.add(frozenset((did, nb)))
            if did not in FACTS[nb][4]:
                fail("table: %s lists %s but not the reverse" % (did, nb))
    print("  listed pairs: %d, computed pairs: %d" % (len(listed), len(computed)))
    for pair in sorted(listed - computed, key=sorted):
        fail("listed neighbours %s share no edge" % " / ".join(sorted(pair)))
    for pair in sorted(computed - listed, key=sorted):
        fail("%s share an edge but are not listed neighbours" % " / ".join(sorted(pair)))
    for pair in sorted(listed & computed, key=sorted):
        length = shared_len[pair]
        print("  %-26s %6.1f km" % (" / ".join(sorted(pair)), length))
        if length < MIN_SHARED_KM:
            fail("%s share only %.2f km of border" % (" / ".join(sorted(pair)), length))
    print("  neighbour graph %s the listed one" % ("EQUALS" if listed == computed else "DIFFERS FROM"))

    print("\n== contacts and overlaps")
    ids_list = sorted(rings)
    vsets = {did: set(r) for did, r in rings.items()}
    boxes = {did: bbox(r) for did, r in rings.items()}
    for i, a in enumerate(ids_list):
        for b in ids_list[i + 1:]:
            pair = frozenset((a, b))
            common = vsets[a] & vsets[b]
            if common and pair not in listed:
                fail("non-neighbours %s and %s share vertices %s" % (a, b, sorted(common)[:3]))
            if not bbox_overlap(boxes[a], boxes[b]):
                continue
            for x, y in ((a, b), (b, a)):
                for p in rings[x]:
                    if p in vsets[y]:
                        continue
                    where = point_in_ring(p, rings[y])
                    if where == 1:
                        fail("vertex %s of %s lies inside %s" % (p, x, y))
                    elif where == 0:
                        fail("vertex %s of %s lies on an edge of %s (T-junction or touch)"
                             % (p, x, y))
            for e1 in edges(rings[a]):
                for e2 in edges(rings[b]):
                    if proper_crossing(e1[0], e1[1], e2[0], e2[1]):
                        fail("edges of %s and %s cross: %s / %s" % (a, b, e1, e2))
    print("  done")

    print("\n== outer boundary (edges not shared)")
    outer = [e for e, owners in edge_owner.items()
             if len(undirected[frozenset(e)]) == 1]
    nxt = {}
    for a, b in outer:
        if a in nxt:
            fail("outer boundary branches at %s" % (a,))
        nxt[a] = b
    if outer:
        start = outer[0][0]
        seen = [start]
        p = nxt.get(start)
        while p is not None and p != start and len(seen) <= len(outer):
            seen.append(p)
            p = nxt.get(p)
        if p != start or len(seen) != len(outer):
            fail("edges not shared do not form one ring (%d of %d edges in the first loop: "
                 "a gap or hole inside)" % (len(seen), len(outer)))
            seen = None
    if outer and seen:
        a, _ = ring_area_centroid(seen)
        lon0, lon1, lat0, lat1 = bbox(seen)
        print("  outer ring: %d points, extent lon %.2f-%.2f, lat %.2f-%.2f (Beijing %.2f-%.2f, %.2f-%.2f)"
              % (len(seen), lon0, lon1, lat0, lat1, *EXTENT))
        for got, want, name in zip((lon0, lon1, lat0, lat1), EXTENT,
                                   ("west", "east", "south", "north")):
            if abs(got - want) > EXTENT_TOLERANCE:
                fail("outer %s edge at %.2f, Beijing's is %.2f" % (name, got, want))
        if a <= 0:
            fail("outer ring is not counter-clockwise")

    print()
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all checks passed: max centroid error %.2f km, area ratios %.2f-%.2f, "
          "neighbour graph equal (%d pairs)"
          % (worst, min(areas[d] / FACTS[d][2] for d in areas),
             max(areas[d] / FACTS[d][2] for d in areas), len(listed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
