"""Do consecutive runs of bench/run.sh agree? Reads their outputs (files), takes every ratio and
target figure each one printed in its summary, and prints them side by side with their spread:
(max - min) / median, and whether every run lies within +-15 % of the median.
Usage: python3 bench/compare.py run1.txt run2.txt run3.txt"""
import re, statistics, sys

TOLERANCE = 0.15

def figures(path):
    found = {}
    endpoint = None
    for line in open(path):
        line = line.rstrip()
        if re.match(r'^/api/\S+:$', line):
            endpoint = line[:-1]
        m = re.match(r'^\s+ratios: (.*)$', line)
        if m:
            for part in m.group(1).split(', '):
                name, value = part.rsplit(' ', 1)
                if not value.endswith('ms'):
                    found[f'{endpoint}: {name}'] = float(value)
        m = re.match(r'^\s+\[(met|MISSED)\] (.*): (-?[\d.+]+)(x| ms| B| MB)', line)
        if m:
            found[m.group(2)] = float(m.group(3))
        m = re.match(r'^\s+\[(met|MISSED)\] peak RSS .*, ([\d.]+)x the default heap', line)
        if m:
            found['small heap req/s / default heap req/s'] = float(m.group(2))
        m = re.match(r'^\s+(redis over TLS|redis cluster) / redis single node at \d+ sessions: ([\d.]+)x', line)
        if m:
            found[f'{m.group(1)} / single node'] = float(m.group(2))
    return found

runs = [figures(path) for path in sys.argv[1:]]
names = [name for name in runs[0] if all(name in run for run in runs)]
worst = 0.0
print(f"{len(runs)} runs: " + ", ".join(sys.argv[1:]))
for name in names:
    values = [run[name] for run in runs]
    median = statistics.median(values)
    if median == 0:
        continue
    spread = (max(values) - min(values)) / abs(median)
    within = all(abs(v - median) <= TOLERANCE * abs(median) for v in values)
    if name.startswith(('uncached /api/me p99', 'uncached /api/me CPU', 'peak RSS')) \
            or 'heap per session' in name or 'startup' in name:
        kind = 'figure'
    else:
        kind = 'ratio'
        worst = max(worst, spread) if within else float('inf')
    print(f"  {'ok ' if within else 'OFF'} {kind:6s} {name}: " + "  ".join(f"{v:g}" for v in values)
          + f"  (spread {100 * spread:.1f}%)")
print(f"every ratio within +-{int(TOLERANCE * 100)}% of its median in all runs: "
      + ("yes" if worst != float('inf') else "no"))
