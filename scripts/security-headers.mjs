// The HTTP headers the planner's web server should send (README "Security headers").
// scripts/static-server.mjs sends them, so `scripts/serve.sh` and the end-to-end tests run
// under the production policy. CSP_BASE must equal the <meta> policy in index.html (a
// test checks it); the header adds frame-ancestors, which a <meta> policy cannot carry.

/** The Content-Security-Policy shared by the header and index.html's <meta>. */
export const CSP_BASE = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets WebAssembly compile; no 'unsafe-inline', no 'unsafe-eval'.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Headers for every response. `portalOrigins` are the portal pages allowed to frame the
 * app (the same origins as in portal.json); with none, only the app's own origin may.
 * @param {{portalOrigins?: string[]}} options
 */
export function securityHeaders({ portalOrigins = [] } = {}) {
  return {
    'Content-Security-Policy': `${CSP_BASE}; frame-ancestors ${["'self'", ...portalOrigins].join(' ')}`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
