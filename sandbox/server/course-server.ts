import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { serveStaticSite } from './static-site.ts';

/** Handles HTTP requests under a path prefix (an API); the site is served for everything else. */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;
/** Takes over a WebSocket upgrade on one path (the lab runner's output, the terminal). */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL) => void;

export interface CourseServerOptions {
  /** The built site (Astro's dist/). */
  siteDir: string;
  /** 127.0.0.1 unless told otherwise: the sandbox runs learners' code and shells. */
  host?: string;
  port?: number;
}

/**
 * The one process `npm start` runs: the built course site plus the sandbox's APIs and WebSockets on one
 * port, so pages and the sandbox share an origin. Features register themselves with addRoute/addUpgrade.
 */
export class CourseServer {
  private readonly server: Server;
  private readonly routes: Array<{ prefix: string; handler: HttpHandler }> = [];
  private readonly upgrades = new Map<string, UpgradeHandler>();
  private readonly options: Required<CourseServerOptions>;

  constructor(options: CourseServerOptions) {
    this.options = { siteDir: options.siteDir, host: options.host ?? '127.0.0.1', port: options.port ?? 4321 };
    const site = serveStaticSite(this.options.siteDir);
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://course.local');
      const route = this.routes.find((r) => url.pathname.startsWith(r.prefix));
      const handle = route?.handler ?? site;
      // Async wrapper: a handler that throws synchronously is caught like one that rejects.
      (async () => handle(req, res, url))().catch((error: unknown) => {
        // A failing feature must not take the server down with it: answer and keep serving others.
        console.error(error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'internal error', detail: error instanceof Error ? error.message : String(error) }));
      });
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      // An upgraded socket is ours alone: a client that resets it must not become an uncaught error.
      socket.on('error', () => socket.destroy());
      const url = new URL(req.url ?? '/', 'http://course.local');
      const handler = this.upgrades.get(url.pathname);
      if (handler) handler(req, socket, head, url);
      else socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
    });
  }

  addRoute(prefix: string, handler: HttpHandler): this {
    this.routes.push({ prefix, handler });
    return this;
  }

  addUpgrade(path: string, handler: UpgradeHandler): this {
    this.upgrades.set(path, handler);
    return this;
  }

  /** Listens and returns the URL learners open. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, resolve);
    });
    const { port } = this.server.address() as { port: number };
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    return `http://${host}:${port}/`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
