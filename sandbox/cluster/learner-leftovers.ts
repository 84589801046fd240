import type { Broker } from './broker.ts';
import { dockerUser, LEARNER_USER, LEARNER_WRITABLE } from './node-users.ts';

/**
 * Run as the learner's own uid, so it can do nothing the learner could not. kill(-1) signals every process
 * this uid may signal, which is every process of the learner's but this shell (nohup'd and setsid jobs
 * included; `kill` is the shell's builtin, so it spares only this shell); the node's init reaps them. It
 * reports success whenever any other process exists, so the loop looks in /proc (each process's status
 * is readable, whatever the process did to itself) until none of the learner's is left, reaped.
 * Then what the learner owns goes, made removable first (a learner may chmod 000 a directory).
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
`;

/**
 * Ends every process the learner started in the node and removes every file they wrote, so that nothing
 * of one learner's waits for the next one on a pooled cluster. A stopped node has neither (its tmpfs went
 * with it); a paused one is left for the reset that unpauses it.
 */
export async function removeLearnerLeftovers(broker: Broker): Promise<void> {
  if ((await broker.state()) !== 'running') return;
  const result = await broker.exec(['sh', '-c', SCRUB_SCRIPT], { user: dockerUser(LEARNER_USER) });
  if (result.exitCode !== 0) {
    throw new Error(`removing what the learner left in Kafka node ${broker.nodeId} failed: ${result.stderr || result.stdout}`);
  }
}
