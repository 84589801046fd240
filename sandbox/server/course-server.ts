import fastifyHelmet from '@fastify/helmet';
import fastifyWebsocket from '@fastify/websocket'; // also types `websocket` routes and request.ws
import type { Duplex } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { SandboxError } from '../docker/sandbox-error.ts';
import { AllowedOrigins } from './allowed-origins.ts';
import { BASE_POLICY } from './content-security-policy.ts';
import { RateLimits, type RateLimitOptions } from './rate-limits.ts';
import { Refusal, refusals } from './refusals.ts';
import { serveStaticSite } from './static-site.ts';

export interface CourseServerOptions {
  /** The built site (Astro's dist/). */
  siteDir: string;
  /** 127.0.0.1 unless told otherwise: the sandbox runs learners' code and shells. */
  host?: string;
  port?: number;
  /** Origins a room host serves the course at (COURSE_PUBLIC_ORIGIN), besides the loopback names. */
  publicOrigins?: readonly string[];
  rateLimits?: Partial<RateLimitOptions>;
  /** The longest a client may take to send one whole request; 30 s unless told otherwise. */
  requestTimeoutMs?: number;
}

/** The largest request body any API takes (a lab's source code). */
export const MAX_BODY_BYTES = 256 * 1024;
/** The largest WebSocket message the terminal takes; the page sends long pastes in 16 kB pieces. */
export const MAX_WEBSOCKET_MESSAGE_BYTES = 64 * 1024;

/**
 * The one process `npm start` runs: the built course site plus the sandbox's APIs and WebSockets on one
 * port, so pages and the sandbox share an origin. Features add their routes with addRoutes() before
 * listen(). Every request, upgrades included, is parsed and routed by fastify inside its error handling;
 * a request for another host name or from another site's page is refused before any route sees it.
 */
export class CourseServer {
  private readonly app: FastifyInstance;
  /** Shared by every feature, so one learner's runs, checks and resets count against the same limits. */
  readonly rateLimits: RateLimits;
  private readonly options: { host: string; port: number; publicOrigins: readonly string[] };
  private allowed?: AllowedOrigins;
  private readonly upgradedSockets = new Set<Duplex>();

  constructor(options: CourseServerOptions) {
    this.options = { host: options.host ?? '127.0.0.1', port: options.port ?? 4321, publicOrigins: options.publicOrigins ?? [] };
    this.rateLimits = new RateLimits(options.rateLimits);
    const requestTimeout = options.requestTimeoutMs ?? 30_000;
    this.app = Fastify({
      bodyLimit: MAX_BODY_BYTES,
      requestTimeout,
      // Given to Node's server at its creation: set afterwards (as fastify does), a headersTimeout left at
      // 60 s keeps Node from ever timing out a slow body. Node looks for overdue requests this often.
      http: { requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(requestTimeout, 5_000) },
      forceCloseConnections: true,
      // A URL that does not decode (/%) is answered here, outside the routes' hooks: same JSON, and an
      // upgrade's socket closed after it (nothing else would close it).
      frameworkErrors: (error, request, reply) => {
        if (request.headers.upgrade !== undefined) reply.raw.once('finish', () => request.raw.socket.destroy());
        answerError(error, request, reply);
      },
    });
    // Upgraded sockets are no longer the HTTP server's connections: close() must end them itself.
    this.app.server.on('upgrade', (_request, socket: Duplex) => {
      this.upgradedSockets.add(socket);
      socket.once('close', () => this.upgradedSockets.delete(socket));
    });
    this.app.register(fastifyHelmet, {
      contentSecurityPolicy: { useDefaults: false, directives: BASE_POLICY },
      // The course is served over plain HTTP on loopback or a room's network: no HSTS.
      strictTransportSecurity: false,
      // As the policy's frame-ancestors 'none' says, for browsers that only know the older header.
      xFrameOptions: { action: 'deny' },
    });
    this.app.register(fastifyWebsocket, { options: { maxPayload: MAX_WEBSOCKET_MESSAGE_BYTES } });
    this.app.addHook('onRequest', async (request) => this.refuseForeign(request));
    // @fastify/websocket would accept an upgrade on any GET route and close it at once: refuse it instead,
    // before any WebSocket exists, on every route that is not a WebSocket's (the site's pages among them).
    this.app.addHook('onRoute', (route) => {
      if (route.websocket) return;
      const hooks = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
      route.onRequest = [...hooks, refuseUpgrade];
    });
    this.app.setErrorHandler((error: FastifyError | Refusal, request, reply) => answerError(error, request, reply));
    serveStaticSite(this.app, options.siteDir);
  }

  /**
   * Adds a feature's routes. They are registered once the server's own plugins are loaded, so a
   * `websocket: true` route is one (a route added to `app` directly, before that, would not be).
   */
  addRoutes(routes: (app: FastifyInstance) => void): this {
    this.app.register(async (app) => routes(app));
    return this;
  }

  /** Listens and returns the URL learners open. */
  async listen(): Promise<string> {
    const { host, port: wanted } = this.options;
    await this.app.listen({ host, port: wanted }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        throw new SandboxError(`Port ${wanted} on ${host} is already in use, perhaps by another npm start.`, `Stop that process, or start the course on another port: PORT=${wanted + 1} npm start`);
      }
      if (error.code === 'EACCES') {
        throw new SandboxError(`This user may not listen on port ${wanted}.`, 'Use a port above 1023: PORT=4321 npm start');
      }
      throw error;
    });
    const { port } = this.app.server.address() as { port: number };
    this.allowed = new AllowedOrigins({ port, listenHost: host, publicOrigins: this.options.publicOrigins });
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  }

  /** Stops listening and ends every connection, WebSockets included (a page reconnects once the course is back). */
  async close(): Promise<void> {
    const closing = this.app.close();
    for (const socket of this.upgradedSockets) socket.destroy();
    await closing;
  }

  /** Host must be one of the server's names; Origin, when a browser sends one, one of its origins. */
  private refuseForeign(request: FastifyRequest): void {
    if (!this.allowed?.allowsHost(request.headers.host)) throw refusals.wrongHost();
    const origin = request.headers.origin;
    if (origin !== undefined && !this.allowed.allowsOrigin(origin)) throw refusals.wrongOrigin();
  }
}

async function refuseUpgrade(request: FastifyRequest): Promise<void> {
  if (request.ws) throw refusals.noSuchEndpoint(`WebSocket ${request.url.split('?')[0]}`);
}

function answerError(error: FastifyError | Refusal, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const refusal = error instanceof Refusal ? error : asRefusal(error);
  if (refusal.status >= 500) console.error(`${request.method} ${request.url}:`, error);
  if (refusal.retryAfterSeconds !== undefined) reply.header('retry-after', String(refusal.retryAfterSeconds));
  return reply.code(refusal.status).header('cache-control', 'no-store').send(refusal.body);
}

/** Fastify's own errors (bad JSON, a body over the limit, a failed schema) keep their status; the rest are 500s. */
function asRefusal(error: FastifyError): Refusal {
  const status = error.statusCode ?? 500;
  if (status >= 500) return refusals.internal(error.message);
  const refusal = refusals.badRequest(error.message);
  return new Refusal(status, refusal.text);
}
