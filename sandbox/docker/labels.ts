import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';

/** Every container, network and volume the sandbox creates carries these labels, so it can always find its own. */
export const LABEL = {
  managed: 'org.kafka-course.managed',
  session: 'org.kafka-course.session',
  ownerHost: 'org.kafka-course.owner-host',
  ownerPid: 'org.kafka-course.owner-pid',
  cluster: 'org.kafka-course.cluster',
  node: 'org.kafka-course.node',
  /** A cluster's container that is not a node: its data holder (see node-storage.ts). */
  role: 'org.kafka-course.role',
  /** On what every process of the course shares (the published network): no owner, never swept. */
  shared: 'org.kafka-course.shared',
} as const;

/** One id per process: a crashed process leaves its id behind, a live one keeps it. */
export const SESSION_ID = randomUUID();

export function ownerLabels(): Record<string, string> {
  return {
    [LABEL.managed]: 'true',
    [LABEL.session]: SESSION_ID,
    [LABEL.ownerHost]: hostname(),
    [LABEL.ownerPid]: String(process.pid),
  };
}
