#!/bin/sh
# Boot to ready-for-voice and resident memory of the whole hub (Felix, SCR, ConfigAdmin, FileInstall, Gogo,
# Jackson, core, NLU, virtual home, lights skill), measured by the launcher itself in each of N fresh JVMs.
#   hub-runtime/benchmarks/boot.sh [N]        (default N=10; builds the distribution first if needed)
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd -P)
runs=${1:-10}
"$repo/glint" --help >/dev/null 2>&1 || true
out=$(mktemp)
i=0
while [ "$i" -lt "$runs" ]; do
    "$repo/hub-runtime/distribution/target/glint/bin/glint" parse "turn on the kitchen light" 2>&1 >/dev/null \
        | sed -n 's/.*ready for voice in \([0-9]*\) ms, resident memory \([0-9]*\) MiB.*/\1 \2/p' >>"$out"
    i=$((i + 1))
done
n=$(wc -l <"$out")
if [ "$n" -eq 0 ]; then
    echo "no run reported its boot time" >&2
    exit 1
fi
mid=$(( (n + 1) / 2 ))
ms=$(cut -d' ' -f1 "$out" | sort -n)
rss=$(cut -d' ' -f2 "$out" | sort -n)
echo "runs $n  ready-for-voice ms: min $(echo "$ms" | head -n1)  median $(echo "$ms" | sed -n "${mid}p")" \
    " max $(echo "$ms" | tail -n1)   resident MiB: median $(echo "$rss" | sed -n "${mid}p")  max $(echo "$rss" | tail -n1)"
rm -f "$out"
