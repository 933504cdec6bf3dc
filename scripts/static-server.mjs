// A small static file server for the built site, used by `scripts/serve.sh` and by the
// end-to-end tests. It serves `root` under a URL prefix (default "/"), so the same build
// can be checked under a sub-path such as /quy-hoach/, and sends the right MIME types
// (application/wasm for streaming compilation). Loopback only. The command line sends the
// production security headers (scripts/security-headers.mjs); `--portal-origin <origin>`
// (repeatable) lets that portal frame the app.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { securityHeaders } from './security-headers.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts the server. Resolves to { server, url, close() } once it listens.
 * `headers` are added to every response; `mime` overrides the type of an extension
 * (e.g. { '.wasm': 'application/octet-stream' } to check the wasm fallback).
 * @param {{root: string, port?: number, prefix?: string, host?: string, headers?: object, mime?: object}} options
 */
export async function startServer({ root, port = 0, prefix = '/', host = '127.0.0.1', headers = {}, mime = {} }) {
  const base = resolve(root);
  const pre = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (path === pre.slice(0, -1)) {
        res.writeHead(301, { Location: pre + url.search });
        return res.end();
      }
      if (!path.startsWith(pre)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return res.end('not found');
      }
      path = path.slice(pre.length);
      if (path === '' || path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403);
        return res.end();
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return res.end('not found');
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': mime[extname(file)] ?? MIME[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  return {
    server,
    url: `http://${host}:${address.port}${pre}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // Drop idle keep-alive connections too, so a test can take the site offline.
        server.closeAllConnections();
      }),
  };
}

// Command line: node scripts/static-server.mjs --root dist [--port 8080] [--prefix /quy-hoach/]
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const portalOrigins = args.flatMap((a, i) => (a === '--portal-origin' && args[i + 1] ? [args[i + 1]] : []));
  const { url } = await startServer({
    root: opt('root', 'dist'),
    port: Number(opt('port', process.env.PORT ?? 8080)),
    prefix: opt('prefix', '/'),
    headers: securityHeaders({ portalOrigins }),
  });
  console.log(`Serving the planner at ${url}  (Ctrl+C to stop)`);
}
