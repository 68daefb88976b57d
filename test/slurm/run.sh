#!/bin/bash
# Integration test (npm run test:slurm; not part of npm test): runs the documented Slurm
# job-array example, docs/examples/sweep-slurm.sh, unchanged on a real single-node Slurm that
# this script starts itself (munged, slurmctld, slurmd, all in a temp dir), then checks that
# the merged reports are byte-identical to the unsharded sweep's. See docs/slurm.md.
#
# Exit: 0 PASS, 1 FAIL (a difference, a failed job, a daemon that did not come up),
#       2 Slurm missing and not root (cannot install it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EXAMPLE="$ROOT/docs/examples/sweep-slurm.sh"
START=$(date +%s.%N)
CTLD_PORT="${CCSIM_SLURM_CTLD_PORT:-16817}"
SLURMD_PORT="${CCSIM_SLURM_SLURMD_PORT:-16818}"
TIMEOUT="${CCSIM_SLURM_TIMEOUT:-600}"   # seconds, for the jobs and for the node to come up

log() { printf 'test:slurm: %s\n' "$*" >&2; }
elapsed() { awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

# 1. Slurm and MUNGE: install Debian's packages if a command is missing.
missing=()
for cmd in slurmctld slurmd sbatch sinfo scontrol munged mungekey; do
  command -v "$cmd" > /dev/null || missing+=("$cmd")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing ${missing[*]}: installing slurm-wlm needs root (apt-get install slurm-wlm munge)"
    exit 2
  fi
  log "installing slurm-wlm and munge (missing: ${missing[*]})"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends slurm-wlm munge > /dev/null \
    || { apt-get update > /dev/null && apt-get install -y --no-install-recommends slurm-wlm munge > /dev/null; }
fi
SLURM_VERSION="$(slurmctld -V)"
log "$SLURM_VERSION, $(munged -V 2>&1 | head -n1)"

# 2. A private cluster in a temp dir; every daemon started here is stopped on exit.
T="$(mktemp -d "${TMPDIR:-/tmp}/ccsim-slurm.XXXXXX")"
chmod 700 "$T"
PIDS=()
KEEP="${CCSIM_SLURM_KEEP:-0}"
cleanup() {
  local rc=$?
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill "${PIDS[i]}" 2> /dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2> /dev/null || true
  done
  if [ "$rc" -eq 0 ] && [ "$KEEP" != 1 ]; then rm -rf "$T"; else log "kept $T (logs in $T/log)"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$T/munge" "$T/log" "$T/state" "$T/spool" "$T/bin" "$T/work"
chmod 700 "$T/munge"
HOST="$(hostname -s)"
USER_NAME="$(id -un)"
CPUS="$(nproc)"

# Authentication: Debian 12's Slurm is 22.05, which has only auth/munge (auth/slurm, which
# needs no daemon, arrived in 23.11), so a private munged runs with its own key and socket;
# AuthInfo points Slurm's daemons and commands at that socket, not the system's.
mungekey --create --keyfile="$T/munge/munge.key" 2> /dev/null \
  || { dd if=/dev/urandom of="$T/munge/munge.key" bs=1 count=1024 status=none; }
chmod 600 "$T/munge/munge.key"
MUNGE_SOCKET="$T/munge/munge.socket"
munged --foreground --force --socket="$MUNGE_SOCKET" --key-file="$T/munge/munge.key" \
  --pid-file="$T/munge/munged.pid" --log-file="$T/log/munged.log" \
  --seed-file="$T/munge/munged.seed" 2> "$T/log/munged.stderr" &
PIDS+=($!)

export SLURM_CONF="$T/slurm.conf"
cat > "$SLURM_CONF" << EOF
# Minimal single-node cluster written by test/slurm/run.sh
ClusterName=ccsimtest
SlurmctldHost=$HOST
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=$USER_NAME
SlurmdUser=$USER_NAME
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE_SOCKET
# No cgroups: track job processes through /proc, no task binding (works in a container).
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
# Schedule cores only: jobs ask no memory, the node declares none.
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldPidFile=$T/state/slurmctld.pid
SlurmdPidFile=$T/state/slurmd.pid
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool/slurmd-%n
SlurmctldLogFile=$T/log/slurmctld.log
SlurmdLogFile=$T/log/slurmd.log
PlugStackConfig=$T/plugstack.conf
NodeName=$HOST CPUs=$CPUS State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
: > "$T/plugstack.conf"

for _ in $(seq 100); do [ -S "$MUNGE_SOCKET" ] && break; sleep 0.1; done
[ -S "$MUNGE_SOCKET" ] || { log "munged did not start:"; cat "$T/log/munged.stderr" "$T/log/munged.log" >&2 || true; exit 1; }

slurmctld -D -c -f "$SLURM_CONF" > "$T/log/slurmctld.stderr" 2>&1 &
PIDS+=($!)
slurmd -D -f "$SLURM_CONF" > "$T/log/slurmd.stderr" 2>&1 &
PIDS+=($!)

state=""
deadline=$((SECONDS + 60))
while [ $SECONDS -lt $deadline ]; do
  state="$(sinfo -h -N -n "$HOST" -o '%T' 2> /dev/null || true)"
  [ "$state" = idle ] && break
  sleep 0.5
done
if [ "$state" != idle ]; then
  log "node $HOST not idle after 60 s (state: '${state:-none}'); daemon logs:"
  tail -n 20 "$T"/log/* >&2 || true
  exit 1
fi
log "cluster up: node $HOST idle, $CPUS CPUs ($(elapsed) s)"

# 3. ccsim, built from this tree and on the PATH as \`ccsim\` (what npm link gives).
(cd "$ROOT" && npm run build --silent) >&2
cat > "$T/bin/ccsim" << EOF
#!/bin/sh
exec node "$ROOT/dist/cli/main.js" "\$@"
EOF
chmod +x "$T/bin/ccsim"
export PATH="$T/bin:$PATH"

# The example runs \`scenarios/classic-80-20.yaml\` relative to the submit directory.
WORK="$T/work"
ln -s "$ROOT/scenarios" "$WORK/scenarios"
cd "$WORK"

# 4. The unsharded sweep: the example's sweep without --shard-*/--out/--resume. The example
# must still carry these arguments, or this reference is not the same sweep.
ARGS_1="--vary 'agents[0].count=30..49' --replications 20 --seed 1"
ARGS_2="--baseline 'agents[0].count=35'"
for a in "ccsim sweep scenarios/classic-80-20.yaml" "$ARGS_1" "$ARGS_2"; do
  grep -qF -- "$a" "$EXAMPLE" || { log "FAIL: $EXAMPLE no longer contains: $a (update this test)"; exit 1; }
done
for fmt in json csv; do
  ccsim sweep scenarios/classic-80-20.yaml \
    --vary 'agents[0].count=30..49' --replications 20 --seed 1 \
    --baseline 'agents[0].count=35' --workers 2 \
    --format "$fmt" --report "$T/unsharded.$fmt"
done
log "unsharded sweep done ($(elapsed) s)"

# 5. The example, as documented: sbatch it (the array), then wait for the merge job that
# array task 0 queues behind the array.
set +e
sbatch --wait "$EXAMPLE" > "$T/log/sbatch.out" 2>&1
sb=$?
set -e
cat "$T/log/sbatch.out" >&2
if [ "$sb" -ne 0 ]; then
  log "FAIL: the array job failed (sbatch exit $sb)"
  tail -n 20 ccsim-sweep-*.log "$T"/log/slurm*.log >&2 || true
  exit 1
fi
log "array job done ($(elapsed) s)"

merge_id="$(sed -n 's/^Submitted batch job \([0-9]*\)$/\1/p' ccsim-sweep-0.log | head -n1)"
[ -n "$merge_id" ] || { log "FAIL: array task 0 did not queue the merge job"; cat ccsim-sweep-0.log >&2; exit 1; }
job_state=""
deadline=$((SECONDS + TIMEOUT))
while [ $SECONDS -lt $deadline ]; do
  job_state="$(scontrol show job "$merge_id" -o 2> /dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')"
  case "$job_state" in
    COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE | PREEMPTED) break ;;
  esac
  sleep 0.5
done
job_name="$(scontrol show job "$merge_id" -o 2> /dev/null | sed -n 's/.*JobName=\([^ ]*\).*/\1/p')"
if [ "$job_state" != COMPLETED ] || [ "$job_name" != ccsim-merge ]; then
  log "FAIL: merge job $merge_id (${job_name:-?}) ended ${job_state:-unknown}"
  cat "slurm-$merge_id.out" >&2 || true
  exit 1
fi
log "merge job $merge_id ($job_name) done ($(elapsed) s)"

# 6. Byte-for-byte comparison, same format flags on both sides.
status=0
for fmt in json csv; do
  if cmp "$T/unsharded.$fmt" "sweep.$fmt"; then
    log "sweep.$fmt: identical to the unsharded sweep ($(wc -c < "sweep.$fmt") bytes)"
  else
    log "sweep.$fmt: DIFFERS from the unsharded sweep"
    status=1
  fi
done
shard_files=(shard-*.jsonl)
shards="${shard_files[*]}"
if [ "$status" -eq 0 ]; then
  echo "PASS test:slurm: 4-task array + merge job on $SLURM_VERSION; merged sweep.json and sweep.csv byte-identical to the unsharded sweep (shards: $shards); wall $(elapsed) s"
else
  echo "FAIL test:slurm: merged output differs from the unsharded sweep; wall $(elapsed) s"
  exit 1
fi
