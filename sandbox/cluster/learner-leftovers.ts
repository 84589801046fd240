import type { Broker } from './broker.ts';
import { dockerUser, LEARNER_USER, LEARNER_WRITABLE } from './node-users.ts';

/**
 * Run as the learner's own uid, so it can do nothing the learner could not. kill(-1) signals every process
 * this uid may signal, which is every process of the learner's but this shell (nohup'd and setsid jobs
 * included; `kill` is the shell's builtin, so it spares only this shell); the node's init reaps them. It
 * reports success whenever any other process exists, so the loop looks in /proc (each process's status
 * is readable, whatever the process did to itself) until none of the learner's is left, reaped.
 * Then what the learner owns goes: files, made removable first (a learner may chmod 000 a directory),
 * and System V IPC objects, which outlive their processes and hold memory.
 */
const SCRUB_SCRIPT = `
find_learner_process() {
  found=
  for dir in /proc/[0-9]*; do
    [ "\${dir#/proc/}" = "$$" ] && continue
    while read -r key real effective rest; do
      if [ "$key" = "Uid:" ]; then
        if [ "$real" = ${LEARNER_USER.uid} ] || [ "$effective" = ${LEARNER_USER.uid} ]; then found=\${dir#/proc/}; fi
        break
      fi
    done 2>/dev/null < "$dir/status"
    if [ -n "$found" ]; then return; fi
  done
}
tries=0
while :; do
  kill -KILL -1 2>/dev/null
  find_learner_process
  if [ -z "$found" ]; then break; fi
  tries=$((tries + 1))
  if [ "$tries" -ge 100 ]; then echo "process $found of the learner's survives SIGKILL" >&2; exit 1; fi
  sleep 0.05
done
for dir in ${LEARNER_WRITABLE.join(' ')}; do
  [ -d "$dir" ] || continue
  find "$dir" -mindepth 1 -maxdepth 1 -user ${LEARNER_USER.uid} -exec chmod -R u+rwx {} + 2>/dev/null
  find "$dir" -mindepth 1 -maxdepth 1 -user ${LEARNER_USER.uid} -exec rm -rf {} +
done
left=$(find ${LEARNER_WRITABLE.join(' ')} -mindepth 1 -user ${LEARNER_USER.uid} 2>/dev/null | head -n 5)
if [ -n "$left" ]; then echo "files of the learner's survive removal: $left" >&2; exit 1; fi
for kind in shm:m msg:q sem:s; do
  table=/proc/sysvipc/\${kind%:*}
  [ -r "$table" ] || continue
  for id in $(awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "uid") column = i; next } $column == ${LEARNER_USER.uid} { print $2 }' "$table"); do
    ipcrm -\${kind#*:} "$id" || exit 1
  done
done
`;

/**
 * Ends every process the learner started in the node and removes everything they wrote, so that nothing
 * of one learner's waits for the next one on a pooled cluster. A stopped node has none of it (its tmpfs
 * went with it); a paused one is left for the reset that unpauses it, and the answer is then false: not
 * known to be clear. Where the scrub cannot run or finish (a fork bomb can leave no room to start it),
 * the node restarts, which ends every process and empties every tmpfs; Kafka's data, on its own volume, stays.
 */
export async function removeLearnerLeftovers(broker: Broker): Promise<boolean> {
  const state = await broker.state();
  if (state !== 'running') return state === 'stopped';
  const scrubbed = await broker
    .exec(['sh', '-c', SCRUB_SCRIPT], { user: dockerUser(LEARNER_USER) })
    .then((result) => result.exitCode === 0, () => false);
  if (scrubbed) return true;
  await broker.stop({ graceful: false });
  await broker.start();
  return true;
}
