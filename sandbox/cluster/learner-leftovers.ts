import type { Broker } from './broker.ts';
import { dockerUser, LEARNER_USER, LEARNER_WRITABLE } from './node-users.ts';

/**
 * Run as the learner's own uid, so it can do nothing the learner could not. kill(-1) signals every process
 * this uid may signal, which is every process of the learner's but this shell (nohup'd and setsid jobs
 * included; `kill` is the shell's builtin, so it spares only this shell); the node's init reaps them, and
 * the loop ends once none is left. Then what the learner owns goes, made removable first (a learner may
 * chmod 000 a directory).
 */
const SCRUB_SCRIPT = `
tries=0
while kill -KILL -1 2>/dev/null; do
  tries=$((tries + 1))
  if [ "$tries" -ge 100 ]; then echo "processes of the learner survive SIGKILL" >&2; exit 1; fi
  sleep 0.05
done
for dir in ${LEARNER_WRITABLE.join(' ')}; do
  [ -d "$dir" ] || continue
  find "$dir" -mindepth 1 -maxdepth 1 -user ${LEARNER_USER.uid} -exec chmod -R u+rwx {} + 2>/dev/null
  find "$dir" -mindepth 1 -maxdepth 1 -user ${LEARNER_USER.uid} -exec rm -rf {} +
done
left=$(find ${LEARNER_WRITABLE.join(' ')} -mindepth 1 -user ${LEARNER_USER.uid} 2>/dev/null | head -n 5)
if [ -n "$left" ]; then echo "files of the learner survive removal: $left" >&2; exit 1; fi
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
