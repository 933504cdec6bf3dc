// Trunk post-build hook (Trunk.toml [[hooks]] stage = "post_build"): finishes the site
// in the staging directory (env TRUNK_STAGING_DIR) before Trunk moves it to dist/.
//
// 1. Moves Trunk's inline start-up <script type="module"> out of index.html into a file
//    named by its content hash (start-<hash>.js), so the Content-Security-Policy needs
//    no 'unsafe-inline' and no hash to pin. Any other inline script, inline event handler
//    or style attribute in index.html fails the build (the CSP would block it). The
//    script imports the first view's module only once the page has drawn its first frame
//    (issue #15: its fetch, compile and start stood between the pre-rendered rows and the
//    screen), checks its two files against their sha384 (`integrity`), and loads the app
//    itself when that module cannot be loaded or started (`startAfterFirstFrame`).
// 1b. Joins the stylesheets Trunk links (style/*.css, one hashed file and <link> each) into
//    one file, main-<hash>.css, in their order, and removes the parts: the first view then
//    waits for one stylesheet request, not three (issue #15). With one stylesheet linked it
//    does nothing, so a second run changes nothing.
// 2. Lists every file of the build with its sha256 (except sw.js, the kill switch and
//    portal.json, which an administrator edits), derives the build id from that list, and
//    writes sw.js: one line with the list, then the template assets/sw.js.
//
// 0. When run by Trunk: writes the first view into index.html (the first screen of the
//    model the app opens on the build date with nothing remembered: the overview and the
//    main targets' rows, `cargo run --example prerender`, from the same present:: view
//    models the app uses; the build date is SOURCE_DATE_EPOCH's when set, else today's,
//    in Vietnam), between <!--prerendered--> markers right after <body>, so the rows are
//    on screen before any wasm runs (its <main> hides the loading sign); the app removes
//    it when its own first view mounts. PLANNER_PRERENDER=0 skips it.
//
// Running it again on its own output changes nothing (the end-to-end tests run it on a
// copied and edited dist/ to make a "second build"). Usage outside Trunk:
//   node scripts/postbuild.mjs <site directory>
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const TEMPLATE = join(HERE, '..', 'assets', 'sw.js');

/** Files of the site that are not precached. */
export const NOT_PRECACHED = new Set(['sw.js', 'sw-kill-switch.js', 'portal.json', 'models.json']);

const sha = (algo, data) => createHash(algo).update(data).digest();
/** The `integrity` value (Subresource Integrity) of a file's bytes. */
const integrityOf = (data) => `sha384-${sha('sha384', data).toString('base64')}`;

const PRERENDER_START = '<!--prerendered-->';
const PRERENDER_END = '<!--/prerendered-->';

/** The pre-rendered first view, from the host example (see 0. above). */
export function renderFirstView() {
  return execFileSync('cargo', ['run', '--quiet', '--example', 'prerender'], {
    cwd: join(HERE, '..'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** index.html with `view` as its pre-rendered first view (replacing an earlier one). */
export function withFirstView(html, view) {
  const block = `${PRERENDER_START}${view}${PRERENDER_END}`;
  const start = html.indexOf(PRERENDER_START);
  const end = html.indexOf(PRERENDER_END);
  if (start >= 0 && end > start) return html.slice(0, start) + block + html.slice(end + PRERENDER_END.length);
  const body = html.match(/<body[^>]*>/i);
  if (!body) throw new Error('postbuild: index.html has no <body>');
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}\n${block}${html.slice(at)}`;
}

/** The app's scripts, in the order the first view adds them (`first_view::APP_SCRIPTS`). */
export const APP_SCRIPTS = ['./provincial-planner.js', './app-start.js'];

/**
 * The first view's module as Trunk 0.21's start-up script loads it: { js, wasm } (paths
 * relative to the site) and the rest of the script after the two lines that load it;
 * throws when the script does not have that shape, so a change of Trunk is seen at
 * build time.
 */
export function firstViewFiles(code) {
  const staticImport = /^import init, \* as bindings from '([^']+)';$/m;
  const initCall = /^const wasm = await init\(\{ module_or_path: '([^']+)' \}\);$/m;
  const js = code.match(staticImport);
  const wasm = code.match(initCall);
  if (!js || !wasm || wasm.index < js.index) {
    throw new Error(`postbuild: the start-up script does not load the first view's module as Trunk 0.21 writes it:\n${code}`);
  }
  return { js: js[1], wasm: wasm[1], rest: code.slice(wasm.index + wasm[0].length).trim() };
}

/**
 * The start-up script (see 1. above): after the page's first frame it loads the first
 * view's module, each of its two files checked against its build (`integrity`: the
 * module by a modulepreload link, the wasm by fetch), then runs the rest of Trunk's
 * script. When the module cannot be loaded or started and has not added the app, the
 * script adds the app itself, as the first view would; when the app cannot be loaded
 * either, it shows index.html's `.start-failed` line, in the pre-rendered view's status
 * box when there is one.
 */
export function startAfterFirstFrame({ js, wasm, rest }, integrity) {
  const q = JSON.stringify;
  return `// Written by scripts/postbuild.mjs from Trunk's start-up script (issue #15).
// The first frame first (or 200 ms: a tab opened in the background draws none), so
// nothing of the first view's module is fetched, compiled or run before the
// pre-rendered rows are on screen (README, What the first view costs).
await new Promise((go) => {
  let done = false;
  const once = () => { if (!done) { done = true; go(); } };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 200);
});

/** The app's scripts, as the first view adds them (first_view::APP_SCRIPTS). */
const APP_SCRIPTS = ${q(APP_SCRIPTS)};

/**
 * Says that the app could not be loaded (index.html's .start-failed line), unless the
 * live first view says it in its own status line.
 */
function startFailed() {
  const line = document.querySelector('.start-failed');
  if (!line || document.querySelector('#prerendered[data-live="true"]')) return;
  const status = document.querySelector('#prerendered .prerendered-status');
  if (status) {
    // The status box is a live region of its own (role="status").
    line.removeAttribute('role');
    status.append(line);
    document.getElementById('prerendered')?.setAttribute('aria-busy', 'false');
  }
  document.body.setAttribute('data-start', 'failed');
  line.hidden = false;
}
// Whoever adds the app (the first view on a visit it does not make live, or this script).
addEventListener('planner-app-failed', startFailed, { once: true });

/** Adds the app's scripts one after the other, as the first view does when it runs. */
function addApp(index = 0) {
  if (index >= APP_SCRIPTS.length) return;
  const script = document.createElement('script');
  script.src = APP_SCRIPTS[index];
  script.addEventListener('load', () => addApp(index + 1));
  script.addEventListener('error', startFailed);
  document.head.append(script);
}

try {
  // A module is checked against its build by a modulepreload link with its integrity:
  // import() then takes the module the link fetched, or fails with it. A browser without
  // modulepreload (Chromium before 66, Firefox before 115, Safari before 17) would fire
  // neither event: it imports the module unchecked (its wasm is still checked).
  const link = document.createElement('link');
  if (link.relList.supports('modulepreload')) await new Promise((loaded, failed) => {
    link.rel = 'modulepreload';
    link.href = ${q(js)};
    link.integrity = ${q(integrity.js)};
    link.addEventListener('load', loaded);
    link.addEventListener('error', () => failed(new Error(\`\${link.href} could not be loaded, or differs from its build\`)));
    document.head.append(link);
  });
  const bindings = await import(${q(js)});
  const init = bindings.default;
  // The wasm's path in single quotes, as Trunk writes it (the F5 test reads it there).
  const wasm = await init({ module_or_path: fetch('${wasm}', { integrity: ${q(integrity.wasm)} }) });
  ${rest.split('\n').filter((l) => l.trim()).join('\n  ')}
} catch (error) {
  const added = APP_SCRIPTS.some((src) => document.querySelector(\`script[src="\${src}"]\`));
  console.warn(\`The first view could not be started\${added ? '' : '; the app is loaded without it'}:\`, error);
  if (!added) addApp();
}
`;
}

/** Moves inline module scripts to files; returns the new index.html text. */
async function externaliseScripts(dir, html) {
  const inline = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  let out = '';
  let last = 0;
  for (const match of html.matchAll(inline)) {
    const [whole, attrs, body] = match;
    out += html.slice(last, match.index);
    last = match.index + whole.length;
    if (/\bsrc\s*=/i.test(attrs)) {
      out += whole;
      continue;
    }
    if (!/\btype\s*=\s*["']?module["']?/i.test(attrs)) {
      throw new Error(`postbuild: inline classic <script> in index.html cannot pass the CSP:\n${whole}`);
    }
    const files = firstViewFiles(`${body.trim()}\n`);
    const integrity = {};
    for (const part of ['js', 'wasm']) {
      integrity[part] = integrityOf(await readFile(join(dir, files[part])));
    }
    const code = startAfterFirstFrame(files, integrity);
    const name = `start-${sha('sha256', code).toString('hex').slice(0, 16)}.js`;
    await writeFile(join(dir, name), code);
    out += `<script type="module" src="./${name}" integrity="${integrityOf(code)}"></script>`;
  }
  out += html.slice(last);
  const handler = out.match(/<[^>]+\son[a-z]+\s*=/i);
  if (handler) throw new Error(`postbuild: inline event handler in index.html: ${handler[0]}`);
  const style = out.match(/<[^>]+\sstyle\s*=/i) ?? out.match(/<style\b/i);
  if (style) throw new Error(`postbuild: inline style in index.html: ${style[0]}`);
  return out;
}

/** Joins the linked stylesheets into one (see 1b. above); returns the new index.html text. */
async function joinStylesheets(dir, html) {
  const link = /[ \t]*<link rel="stylesheet" href="\.\/([^"/]+\.css)"(?: integrity="[^"]*")?\s*\/?>\n?/g;
  const found = [...html.matchAll(link)];
  if (found.length < 2) return html;
  let css = '';
  for (const [, name] of found) {
    const part = await readFile(join(dir, name), 'utf8');
    css += part.endsWith('\n') ? part : `${part}\n`;
  }
  const name = `main-${sha('sha256', css).toString('hex').slice(0, 16)}.css`;
  await writeFile(join(dir, name), css);
  for (const [, part] of found) if (part !== name) await unlink(join(dir, part));
  const integrity = integrityOf(css);
  const first = found[0];
  let out = html.slice(0, first.index);
  out += `    <link rel="stylesheet" href="./${name}" integrity="${integrity}"/>\n`;
  let last = first.index + first[0].length;
  for (const m of found.slice(1)) {
    out += html.slice(last, m.index);
    last = m.index + m[0].length;
  }
  return out + html.slice(last);
}

async function listFiles(dir, root = dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) files.push(...(await listFiles(full, root)));
    else if (entry.isFile()) files.push(relative(root, full).split(sep).join('/'));
  }
  return files.sort();
}

/**
 * Finishes the site in `dir`. Returns { build, files } as written into sw.js, where files
 * is [{ url, sha256 }] with URLs relative to the site root.
 */
export async function postbuild(dir, { firstView } = {}) {
  const site = resolve(dir);
  const indexPath = join(site, 'index.html');
  const html = await readFile(indexPath, 'utf8');
  const viewed = firstView === undefined ? html : withFirstView(html, firstView);
  const finished = await externaliseScripts(site, await joinStylesheets(site, viewed));
  if (finished !== html) await writeFile(indexPath, finished);

  const files = [];
  for (const url of await listFiles(site)) {
    if (NOT_PRECACHED.has(url)) continue;
    files.push({ url, sha256: sha('sha256', await readFile(join(site, url))).toString('hex') });
  }
  const listing = files.map((f) => `${f.url} ${f.sha256}\n`).join('');
  const build = sha('sha256', listing).toString('hex').slice(0, 16);
  const template = await readFile(TEMPLATE, 'utf8');
  const header = `// Generated by scripts/postbuild.mjs: build ${build}, ${files.length} files.\nself.PLANNER_PRECACHE = ${JSON.stringify({ build, files })};\n`;
  await writeFile(join(site, 'sw.js'), header + template);
  return { build, files };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('usage: node scripts/postbuild.mjs <site directory> (or set TRUNK_STAGING_DIR)');
    process.exit(2);
  }
  const byTrunk = process.argv[2] === undefined;
  const firstView = byTrunk && process.env.PLANNER_PRERENDER !== '0' ? renderFirstView() : undefined;
  const { build, files } = await postbuild(dir, { firstView });
  if (firstView !== undefined) console.log(`postbuild: first view pre-rendered into index.html (${firstView.length} bytes)`);
  console.log(`postbuild: sw.js for build ${build} precaches ${files.length} files`);
}
