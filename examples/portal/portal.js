// Example portal page: embeds the planner in an iframe and sizes the frame to the height
// the planner reports. The planner posts JSON text to this page's origin only (the origin
// listed in its portal.json), and this page reads messages only from the planner's
// origin and frame. A real portal needs only the iframe snippet; this script is optional
// (without it the frame keeps its fixed height).
//
// Local trial: serve this folder and the planner on two ports, e.g.
//   node scripts/static-server.mjs --root examples/portal --port 8081
//   (add "http://127.0.0.1:8081" to dist/portal.json, then)
//   node scripts/static-server.mjs --root dist --port 8080 --portal-origin http://127.0.0.1:8081
// and open http://127.0.0.1:8081/?app=http://127.0.0.1:8080/%3Fnhung%3Dcan-dat%26ct%3Dgrdp_constant
'use strict';

const frame = document.getElementById('planner');
const list = document.getElementById('messages');
// ?app= is for trying the example locally; a real portal writes src in the HTML.
const appUrl = new URLSearchParams(location.search).get('app') ?? frame.dataset.app;
const appOrigin = new URL(appUrl, location.href).origin;

/** Every message this page received, accepted or not (for the demo and the tests). */
window.portalLog = [];

window.addEventListener('message', (event) => {
  const entry = { origin: event.origin, data: String(event.data), accepted: false };
  window.portalLog.push(entry);
  if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
  let message;
  try {
    message = JSON.parse(event.data);
  } catch {
    return;
  }
  if (message?.type !== 'planner:height' || !Number.isFinite(message.height)) return;
  entry.accepted = true;
  // Setting a style property from script is allowed by a CSP without 'unsafe-inline'.
  frame.style.height = `${Math.min(Math.max(Math.round(message.height), 160), 6000)}px`;
  const item = document.createElement('li');
  item.textContent = `${event.origin}: ${event.data}`;
  list.append(item);
});

/** Asks the planner for its height now (it answers with reply_to: id). */
window.pingPlanner = (id) => {
  frame.contentWindow?.postMessage(JSON.stringify({ type: 'planner:ping', id }), appOrigin);
};

frame.addEventListener('load', () => window.pingPlanner('load'));
frame.src = appUrl;
