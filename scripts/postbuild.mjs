// Trunk post-build hook (Trunk.toml [[hooks]] stage = "post_build"): finishes the site
// in the staging directory (env TRUNK_STAGING_DIR) before Trunk moves it to dist/.
//
// 1. Moves Trunk's inline start-up <script type="module"> out of index.html into a file
//    named by its content hash (start-<hash>.js), so the Content-Security-Policy needs
//    no 'unsafe-inline' and no hash to pin. Any other inline script, inline event handler
//    or style attribute in index.html fails the build (the CSP would block it). The
//    script imports the first view's module only once the page has drawn its first frame
//    (issue #15: its fetch, compile and start stood between the pre-rendered rows and the
//    screen).
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

/**
 * Trunk's start-up script with its static import of the first view's module made a
 * dynamic import after the page's first frame (see 1. above); throws when the script does
 * not have the shape Trunk 0.21 writes, so a change of Trunk is seen at build time.
 */
export function startAfterFirstFrame(code) {
  const staticImport = /^import init, \* as bindings from '([^']+)';$/m;
  const found = code.match(staticImport);
  if (!found) throw new Error(`postbuild: the start-up script does not import the first view's module as Trunk 0.21 writes it:\n${code}`);
  return code.replace(found[0], [
    "// The first frame first (or 200 ms: a tab opened in the background draws none), so",
    "// nothing of the first view's module is fetched, compiled or run before the",
    "// pre-rendered rows are on screen (README, What the first view costs).",
    'await new Promise((go) => {',
    '  let done = false;',
    '  const once = () => { if (!done) { done = true; go(); } };',
    '  requestAnimationFrame(() => setTimeout(once, 0));',
    '  setTimeout(once, 200);',
    '});',
    `const bindings = await import('${found[1]}');`,
    'const init = bindings.default;',
  ].join('\n'));
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
    const code = startAfterFirstFrame(`${body.trim()}\n`);
    const name = `start-${sha('sha256', code).toString('hex').slice(0, 16)}.js`;
    await writeFile(join(dir, name), code);
    const integrity = `sha384-${sha('sha384', code).toString('base64')}`;
    out += `<script type="module" src="./${name}" integrity="${integrity}"></script>`;
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
  const integrity = `sha384-${sha('sha384', css).toString('base64')}`;
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
