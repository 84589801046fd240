/**
 * How often a learner may start sessions, runs, checks, resets and step actions, and look at their cluster: per learner token and per client
 * address, so neither one browser nor one machine holding many tokens can keep the clusters busy.
 * One limiter serves the HTTP API and the terminal's WebSocket messages alike.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { refusals, type LimitedAction } from './refusals.ts';

/** At most `points` actions in any `seconds`-long window. */
export interface Allowance {
  points: number;
  seconds: number;
}

export type RateLimitOptions = Record<LimitedAction, { perToken?: Allowance; perAddress: Allowance }>;

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  // A browser asks for one session and keeps it; more from one address is a script.
  session: { perAddress: { points: 20, seconds: 600 } },
  run: { perToken: { points: 30, seconds: 60 }, perAddress: { points: 60, seconds: 60 } },
  check: { perToken: { points: 20, seconds: 60 }, perAddress: { points: 60, seconds: 60 } },
  // Each reset rebuilds a cluster: the most expensive thing a learner can ask for.
  reset: { perToken: { points: 10, seconds: 60 }, perAddress: { points: 30, seconds: 60 } },
  // A step's action (stopping and starting nodes) costs about what a reset does.
  action: { perToken: { points: 10, seconds: 60 }, perAddress: { points: 30, seconds: 60 } },
  // The live view of a cluster asks every 2 s while it is on screen: 30 a minute per view, a page or two of them.
  view: { perToken: { points: 120, seconds: 60 }, perAddress: { points: 1200, seconds: 60 } },
};

export interface Requester {
  address: string;
  /** The learner (token or the id derived from it), when the action belongs to one. */
  learner?: string;
}

export class RateLimits {
  private readonly limiters: Record<LimitedAction, { perToken?: RateLimiterMemory; perAddress: RateLimiterMemory }>;

  constructor(options: Partial<RateLimitOptions> = {}) {
    const limiter = (allowance: Allowance) => new RateLimiterMemory({ points: allowance.points, duration: allowance.seconds });
    const actions = Object.keys(DEFAULT_RATE_LIMITS) as LimitedAction[];
    this.limiters = Object.fromEntries(
      actions.map((action) => {
        const { perToken, perAddress } = options[action] ?? DEFAULT_RATE_LIMITS[action];
        return [action, { perToken: perToken && limiter(perToken), perAddress: limiter(perAddress) }];
      }),
    ) as RateLimits['limiters'];
  }

  /** Counts one action; throws a 429 Refusal (with the wait in seconds) when it is over either limit. */
  async take(action: LimitedAction, requester: Requester): Promise<void> {
    const { perToken, perAddress } = this.limiters[action];
    try {
      if (perToken && requester.learner !== undefined) await perToken.consume(requester.learner);
      await perAddress.consume(requester.address);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw refusals.tooOften(action, Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    }
  }
}
