#!/usr/bin/env python3
"""Summarise a run's stderr captured with JAVA_OPTS=-Dzoneassess.jobcounter.trace=true.
usage: bin/lib/job-trace.py run.err   -> jobs per call site, SQL wall/task ms per call site, biggest plans"""
import re, sys, collections
site = {}; rows = []; jobs = collections.Counter()
for l in open(sys.argv[1], errors='replace'):
    m = re.match(r'jobcounter: sql (\d+) plan (\d+) chars: (.*)', l)
    if m: site[m.group(1)] = (m.group(3).strip(), int(m.group(2))); continue
    m = re.match(r'jobcounter: job (\d+) sql (\S+) stages (\d+)', l)
    if m: jobs[site.get(m.group(2), ('no-sql', 0))[0]] += 1; continue
    m = re.match(r'jobcounter: sql (\d+) took (-?\d+) ms, tasks (\d+) ms', l)
    if m: rows.append((int(m.group(2)), int(m.group(3)), site.get(m.group(1), ('?', 0)), m.group(1)))
print('jobs', sum(jobs.values()), 'SQL wall ms', sum(r[0] for r in rows), 'task ms', sum(r[1] for r in rows))
agg = collections.defaultdict(lambda: [0, 0, 0])
for t, k, (s, p), i in rows:
    a = agg[s]; a[0] += t; a[1] += k; a[2] += 1
print('[wall ms, task ms, SQL count, jobs] call site')
for s, a in sorted(agg.items(), key=lambda x: -x[1][0])[:40]: print(a + [jobs[s]], s)
print('largest plans')
for i, (s, p) in sorted(site.items(), key=lambda x: -x[1][1])[:10]: print(p, s, 'sql', i)
