#!/bin/bash
# Slurm job array: shard $SLURM_ARRAY_TASK_ID of 4, then a dependent merge job.
#   sbatch docs/examples/sweep-slurm.sh
# Run as is on a real Slurm by `npm run test:slurm` (see docs/slurm.md).
#SBATCH --job-name=ccsim-sweep
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --time=00:30:00
#SBATCH --output=ccsim-sweep-%a.log
set -euo pipefail

SHARDS=4
ccsim sweep scenarios/classic-80-20.yaml \
  --vary 'agents[0].count=30..49' --replications 20 --seed 1 \
  --baseline 'agents[0].count=35' --workers "${SLURM_CPUS_PER_TASK:-2}" \
  --shard-index "$SLURM_ARRAY_TASK_ID" --shard-count "$SHARDS" \
  --out "shard-$SLURM_ARRAY_TASK_ID.jsonl" --resume > /dev/null

# Array task 0 queues the merge, to start once every task of the array has succeeded.
if [ "$SLURM_ARRAY_TASK_ID" -eq 0 ]; then
  sbatch --dependency="afterok:$SLURM_ARRAY_JOB_ID" --job-name=ccsim-merge --wrap \
    "ccsim merge shard-*.jsonl --format json --report sweep.json && ccsim merge shard-*.jsonl --format csv --report sweep.csv"
fi
