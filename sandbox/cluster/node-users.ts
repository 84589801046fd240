/**
 * Who runs what in a node. The broker runs as the images' own user (appuser, 1000, in both the official
 * image and the course's); the learner's shell runs as another, unprivileged one, so nothing of the
 * broker's (its data, its config, the CLI wrappers) is writable by the learner, the broker cannot be
 * signalled by them, and every process and file of the learner's can be found by its owner.
 */
export const BROKER_USER = { uid: 1000, gid: 1000 } as const;

/** nobody/nogroup, present in both images (Debian and Alpine) under the same ids; HOME is a tmpfs of its own. */
export const LEARNER_USER = { uid: 65534, gid: 65534, home: '/home/learner' } as const;

/** Where the learner can write in a node: their home and the world-writable temporary directories. */
export const LEARNER_WRITABLE = [LEARNER_USER.home, '/tmp', '/dev/shm', '/dev/mqueue'] as const;

/** Whether a path lies where the learner can write (and so must never be on the sandbox's own PATH). */
export const learnerWritable = (path: string): boolean =>
  LEARNER_WRITABLE.some((dir) => path === dir || path.startsWith(`${dir}/`));

/** The user:group form Docker's User field takes. */
export const dockerUser = (user: { uid: number; gid: number }): string => `${user.uid}:${user.gid}`;
