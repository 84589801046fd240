import type { ClusterPool } from '../cluster/cluster-pool.ts';
import { specKey, type ClusterSpec } from '../cluster/cluster-spec.ts';
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import { nodeAlias } from '../cluster/node-properties.ts';
import { dockerUser, LEARNER_USER } from '../cluster/node-users.ts';
import type { TtySession } from '../cluster/tty-exec.ts';
import { stepCluster, type ExerciseDefinition } from '../lab-kit/exercise-format.ts';
import type { Localized } from '../lab-kit/lab-format.ts';
import { greeting, type TerminalLocale } from './greeting.ts';
import { CLOSE_CODE, type ServerMessage } from './protocol.ts';
import { Scrollback } from './scrollback.ts';
import { actionRefused, performStepAction, prepareForActions } from './step-actions.ts';

/**
 * The shell runs in node 1's own container: kafka-dump-log reads segment files from the broker's disk,
 * which only its container sees, and the learner works as an operator logged into a broker would. It
 * runs as the learner's own user, who can read the broker's files but write none and signal nothing of
 * the broker's; whatever it leaves is removed before the cluster serves anyone else (learner-leftovers.ts).
 */
const SHELL_NODE = 1;
/** How much output may wait for a page that reads slowly before the shell is held back. */
const MAX_BACKLOG_BYTES = 1024 * 1024;

/** Readline needs a UTF-8 locale to edit Korean text; the image sets none. HOME is the learner's tmpfs. */
const SHELL_ENV = { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', HOME: LEARNER_USER.home };

/** Where the page's terminal is attached: screen bytes and control messages out. */
export interface TerminalClient {
  output(bytes: Buffer): void;
  /** Output bytes not yet handed to the page's connection: above a limit the shell's output is held back. */
  backlog(): number;
  control(message: ServerMessage): void;
  close(code: number, reason: string): void;
}

export interface ShellSessionOptions {
  exercise: ExerciseDefinition;
  pool: ClusterPool;
  locale: TerminalLocale;
  /** The shell ends after this long without a keystroke. */
  idleLimitMs: number;
  /** Called once when the session begins to end, with the promise of its end (the cluster back in the pool). */
  onEnd(finished: Promise<void>): void;
}

interface RunningShell {
  tty: TtySession;
}

/**
 * One learner's shell on their own cluster for one exercise: it outlives the page (a reload reattaches
 * and replays the scrollback), restarts when the learner exits it, and ends when idle.
 */
export class ShellSession {
  readonly exercise: ExerciseDefinition;
  private readonly options: ShellSessionOptions;
  private currentCluster: KafkaCluster;
  /** When the learner got the current cluster clean: checks read the cluster's history from then on. */
  private cleanAt = Date.now();
  private shell?: RunningShell;
  private client?: TerminalClient;
  private readonly scrollback = new Scrollback(512 * 1024);
  private size = { cols: 80, rows: 24 };
  private idleTimer?: NodeJS.Timeout;
  private ending?: Promise<void>;
  /** Serialises what replaces the shell (reset, a restart after exit), so two never interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  static async open(options: ShellSessionOptions): Promise<ShellSession> {
    const cluster = await options.pool.acquire(options.exercise.cluster);
    let session: ShellSession;
    try {
      await prepareForActions(options.exercise, cluster, SHELL_NODE);
      session = new ShellSession(options, cluster);
      await session.startShell();
    } catch (error) {
      await options.pool.release(cluster);
      throw error;
    }
    session.touch();
    return session;
  }

  private constructor(options: ShellSessionOptions, cluster: KafkaCluster) {
    this.options = options;
    this.exercise = options.exercise;
    this.currentCluster = cluster;
  }

  get cluster(): KafkaCluster {
    return this.currentCluster;
  }

  /** Epoch ms when the current cluster was handed to this shell clean (the session's start or its last reset). */
  get cleanSince(): number {
    return this.cleanAt;
  }

  /** The container's hostname, which is what the shell's prompt shows. */
  get host(): string {
    return nodeAlias(SHELL_NODE);
  }

  /** Everything the terminal printed (and echoed) since the session began, as raw terminal bytes. */
  transcript(): Buffer {
    return this.scrollback.contents();
  }

  /** Takes the page's terminal; another tab or the page before a reload is let go. */
  attach(client: TerminalClient): void {
    const previous = this.client;
    this.client = client;
    if (previous) {
      previous.control({ type: 'ended', reason: 'replaced' });
      previous.close(CLOSE_CODE.replaced, 'another page took over this terminal');
    }
    client.control(this.ready());
    client.output(this.scrollback.contents());
  }

  detach(client: TerminalClient): void {
    if (this.client === client) this.client = undefined;
  }

  /** Keystrokes (and pasted text) from the page. Dropped while a reset replaces the shell. */
  input(bytes: Buffer): void {
    this.touch();
    this.shell?.tty.stream.write(bytes);
  }

  async resize(cols: number, rows: number): Promise<void> {
    this.size = { cols, rows };
    await this.shell?.tty.resize(cols, rows).catch(() => undefined); // the shell may be ending
  }

  /** A clean cluster (the step's, when it names its own) and a fresh shell; the transcript keeps what came before. */
  reset(stepId?: string): Promise<void> {
    const spec = stepCluster(this.exercise, stepId);
    this.touch();
    return this.serialise(async () => {
      this.client?.control({ type: 'resetting' });
      this.stopShell();
      await this.switchCluster(spec);
      await prepareForActions(this.exercise, this.cluster, SHELL_NODE);
      this.cleanAt = Date.now();
      this.print('\x1b[2J\x1b[H');
      await this.startShell();
      this.client?.control(this.ready());
    });
  }

  /**
   * Does to the learner's cluster what the step's action says (stop the active controller, start stopped
   * nodes), never at the same time as a reset, and says what was done. Refused for a step without an
   * action, or while the learner's cluster is not that step's.
   */
  act(stepId: string): Promise<Localized> {
    const step = this.exercise.steps.find((s) => s.id === stepId);
    const action = step?.action;
    if (!step || !action) {
      throw actionRefused({ ko: `이 실습의 "${stepId}" 단계에는 클러스터에 할 조작이 없습니다.`, en: `Step "${stepId}" of this exercise has no action on the cluster.` });
    }
    this.touch();
    return this.serialise(async () => {
      if (specKey(stepCluster(this.exercise, stepId)) !== specKey(this.cluster.spec)) {
        throw actionRefused({ ko: '이 단계의 클러스터로 바꾼 뒤에 다시 누르세요.', en: "Switch to this step's cluster first, then press it again." });
      }
      return performStepAction(action, this.cluster, SHELL_NODE);
    });
  }

  /** Ends the shell and hands the cluster back to the pool. Safe to call more than once. */
  end(reason: 'idle' | 'shutdown'): Promise<void> {
    this.ending ??= this.finish(reason);
    return this.ending;
  }

  private async finish(reason: 'idle' | 'shutdown'): Promise<void> {
    clearTimeout(this.idleTimer);
    const finished = (async () => {
      this.client?.control({ type: 'ended', reason });
      this.client?.close(CLOSE_CODE.ended, `the shell ended (${reason})`);
      this.client = undefined;
      await this.queue.catch(() => undefined);
      this.stopShell();
      await this.options.pool.release(this.cluster);
    })().catch((error: unknown) => {
      // Nobody awaits an idle shell's end, so it never rejects (the pool removes a cluster it cannot clean).
      console.error(`A terminal session did not end cleanly: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.options.onEnd(finished);
    await finished;
  }

  private async switchCluster(spec: ClusterSpec): Promise<void> {
    if (specKey(spec) === specKey(this.cluster.spec)) {
      const reset = await this.cluster.reset().then(() => true, () => false);
      if (reset) return;
      // A cluster that cannot come back (a learner filled a broker's data volume, and the broker stopped
      // for good) is replaced by another.
      await this.cluster.dispose();
    } else {
      await this.options.pool.release(this.cluster);
    }
    this.currentCluster = await this.options.pool.acquire(spec);
  }

  private async startShell(): Promise<void> {
    const broker = this.cluster.broker(SHELL_NODE);
    const tty = await broker.execTty(['bash', '-i'], {
      ...this.size,
      env: SHELL_ENV,
      user: dockerUser(LEARNER_USER),
      workingDir: LEARNER_USER.home,
    });
    const shell = { tty };
    this.shell = shell;
    this.print(greeting(this.cluster, this.host, this.options.locale));
    tty.stream.on('data', (chunk: Buffer) => {
      this.print(chunk);
      if ((this.client?.backlog() ?? 0) > MAX_BACKLOG_BYTES) this.holdOutput(tty);
    });
    tty.stream.on('error', () => undefined); // a killed container tears the stream down; `exited` handles it
    void tty.exited.catch(() => -1).then(() => {
      // The learner typed `exit` (or the node stopped): a new shell on the same cluster.
      if (this.shell !== shell || this.ending) return;
      this.shell = undefined;
      void this.serialise(() => this.startShell())
        .catch(async (error: unknown) => this.client?.control(await this.shellLost(error)))
        .catch(() => undefined); // the page may be gone too: nothing left to tell
    });
  }

  /**
   * The page is not keeping up (a flood such as `yes`, a slow link): stop reading the shell until it has
   * caught up. The shell's writes then block, as on a real terminal, instead of piling up in memory here.
   */
  private holdOutput(tty: TtySession): void {
    tty.stream.pause();
    const timer = setInterval(() => {
      if (this.shell?.tty === tty && (this.client?.backlog() ?? 0) > MAX_BACKLOG_BYTES / 4) return;
      clearInterval(timer);
      tty.stream.resume();
    }, 50);
  }

  /** Why no new shell could start, in the learner's language: most often the broker it runs in has stopped. */
  private async shellLost(error: unknown): Promise<ServerMessage> {
    const stopped = await this.cluster.broker(SHELL_NODE).waitForState('stopped').then(() => true, () => false);
    if (!stopped) return { type: 'error', message: error instanceof Error ? error.message : String(error) };
    return this.options.locale === 'ko'
      ? { type: 'error', message: `셸이 돌던 브로커(${this.host})가 멈췄습니다.`, hint: '"샌드박스 초기화"를 누르면 브로커를 다시 띄우고 새 셸을 엽니다.' }
      : { type: 'error', message: `The broker this shell ran in, ${this.host}, has stopped.`, hint: 'Press "Reset sandbox" to bring it back up with a fresh shell.' };
  }

  private ready(): ServerMessage {
    return { type: 'ready', host: this.host, bootstrapServers: this.cluster.internalBootstrapServers, nodes: this.cluster.brokers.length };
  }

  /**
   * Lets go of the shell. Its processes (and the jobs it started, nohup'd or not) end in the cluster's
   * reset or its release to the pool, which always follow: both remove everything of the learner's.
   */
  private stopShell(): void {
    const shell = this.shell;
    if (!shell) return;
    this.shell = undefined;
    shell.tty.stream.destroy();
  }

  private print(bytes: Buffer | string): void {
    const chunk = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    this.scrollback.append(chunk);
    this.client?.output(chunk);
  }

  private touch(): void {
    clearTimeout(this.idleTimer);
    if (this.ending) return;
    this.idleTimer = setTimeout(() => void this.end('idle'), this.options.idleLimitMs);
    this.idleTimer.unref();
  }

  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.catch(() => undefined).then(work);
    this.queue = next;
    return next;
  }
}
