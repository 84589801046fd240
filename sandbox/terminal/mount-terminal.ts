import type { ClusterPool } from '../cluster/cluster-pool.ts';
import type { CourseServer } from '../server/course-server.ts';
import { FileAttemptLog, type AttemptLimits } from './attempt-log.ts';
import { TerminalSessions } from './terminal-sessions.ts';
import { registerTerminalSocket, type VerifyLearnerToken } from './terminal-socket.ts';

export interface MountTerminalOptions {
  pool: ClusterPool;
  /** Attempts (results and transcripts) are written under this folder. */
  attemptsDir: string;
  attemptLimits?: Partial<AttemptLimits>;
  /** The course's learner sessions (LearnerSessions.learnerId): the terminal issues no tokens of its own. */
  verifyToken: VerifyLearnerToken;
  idleLimitMs?: number;
}

/** Adds the terminal to the course server. Returns its sessions, to dispose on shutdown. */
export function mountTerminal(server: CourseServer, options: MountTerminalOptions): TerminalSessions {
  const sessions = new TerminalSessions({ pool: options.pool, idleLimitMs: options.idleLimitMs });
  const attempts = new FileAttemptLog(options.attemptsDir, options.attemptLimits);
  registerTerminalSocket(server, { sessions, verifyToken: options.verifyToken, attempts });
  return sessions;
}
