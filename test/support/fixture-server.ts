/**
 * Serves the fixture pages over HTTPS on 127.0.0.1; Chromium reaches them under the real CRM
 * host names through --host-resolver-rules, so the extension's real match patterns apply
 * (ports are ignored by match patterns). Every request is logged for assertions.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { ROUTES, type Route } from '../fixtures/routes';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');

export interface LoggedRequest {
  method: string;
  host: string;
  path: string;
  body: string;
  at: number;
}

export interface FixtureServer {
  port: number;
  /** `https://{host}:{port}{path}` */
  url(host: string, path: string): string;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A self-signed certificate, made once per run with openssl (Chromium is told to ignore its errors). */
export function ensureCertificate(dir: string): { key: Buffer; cert: Buffer } {
  mkdirSync(dir, { recursive: true });
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '7',
      '-subj', '/CN=whylost-fixtures', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** `/__fixtures/amocrm/amo.js` → test/fixtures/amocrm/amo.js; nothing outside the fixtures folder. */
function staticFile(pathname: string): string | null {
  const rel = decodeURIComponent(pathname.replace(/^\/__fixtures\//, ''));
  const file = resolve(FIXTURES_DIR, rel);
  return file.startsWith(FIXTURES_DIR + '/') ? file : null;
}

function match(routes: Route[], method: string, host: string, path: string): Route | undefined {
  return routes.find((r) => (r.method ?? 'GET') === method && r.host.test(host) && r.path.test(path));
}

export async function startFixtureServer(
  options: { certDir?: string; routes?: Route[]; port?: number } = {},
): Promise<FixtureServer> {
  const tls = ensureCertificate(options.certDir ?? resolve(import.meta.dirname, '../../.tmp/cert'));
  const routes = options.routes ?? ROUTES;
  const requests: LoggedRequest[] = [];
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const url = new URL(req.url ?? '/', 'https://x');
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? 'GET', host, path: url.pathname + url.search, body, at: Date.now() });
      const route = match(routes, req.method ?? 'GET', host, url.pathname);
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`no fixture for ${req.method} ${host}${url.pathname}`);
        return;
      }
      if (route.json) {
        res.writeHead(200, { 'content-type': TYPES['.json']! });
        res.end(JSON.stringify(route.json({ host, path: url.pathname, query: url.searchParams, body })));
        return;
      }
      const file = route.static ? staticFile(url.pathname) : join(FIXTURES_DIR, route.file ?? '');
      if (!file || !existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`no fixture file for ${url.pathname}`);
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(readFileSync(file));
    });
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (host, path) => `https://${host}:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
