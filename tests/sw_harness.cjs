// Runs a generated sw.js in Node against an in-memory CacheStorage, to see which cache answers.
// Usage: node tests/sw_harness.cjs SW_JS SCENARIO_JSON → prints one JSON report.
// SCENARIO: {scope, planted: {cacheName: {url: body}}, requests: [{url, mode}], network: bool}
// The worker's only view of the world is `self`, `caches` and `fetch`: all three are fakes here,
// and every call to the origin-wide caches.match is counted (the worker must never make one).
const fs = require("fs");
const vm = require("vm");

const [workerPath, scenarioText] = process.argv.slice(2);
const scenario = JSON.parse(scenarioText);
const calls = { globalMatch: 0, network: [] };

class FakeCache {
  constructor() { this.entries = new Map(); }
  key(request) {
    const url = new URL(request instanceof Request ? request.url : String(request), scenario.scope);
    return url.href;
  }
  async match(request, options) {
    let key = this.key(request);
    if (options && options.ignoreSearch) {
      key = key.split("?")[0];
      for (const [stored, body] of this.entries) if (stored.split("?")[0] === key) return new Response(body);
      return undefined;
    }
    return this.entries.has(key) ? new Response(this.entries.get(key)) : undefined;
  }
  async put(request, response) { this.entries.set(this.key(request), await response.text()); }
  async addAll(requests) {
    for (const request of requests) this.entries.set(this.key(request), `network:${this.key(request)}`);
  }
  async keys() { return [...this.entries.keys()].map((url) => new Request(url)); }
}

const stores = new Map();
for (const [name, entries] of Object.entries(scenario.planted || {})) {
  const cache = new FakeCache();
  for (const [url, body] of Object.entries(entries)) cache.entries.set(new URL(url, scenario.scope).href, body);
  stores.set(name, cache);
}
const caches = {
  async open(name) { if (!stores.has(name)) stores.set(name, new FakeCache()); return stores.get(name); },
  async delete(name) { return stores.delete(name); },
  async keys() { return [...stores.keys()]; },
  async has(name) { return stores.has(name); },
  async match(request, options) {
    calls.globalMatch += 1;
    for (const cache of stores.values()) { const hit = await cache.match(request, options); if (hit) return hit; }
    return undefined;
  },
};

const handlers = {};
const self = {
  registration: { scope: scenario.scope },
  addEventListener: (type, handler) => { handlers[type] = handler; },
  skipWaiting: async () => undefined,
  clients: { claim: async () => undefined },
};
async function fakeFetch(request) {
  calls.network.push(request.url);
  if (scenario.network === false) throw new TypeError("offline");
  return Object.defineProperty(new Response(`network:${request.url}`, { status: 200 }), "type", { value: "basic" });
}

async function dispatch(type, extra) {
  const pending = [];
  let response;
  const event = { waitUntil: (p) => pending.push(p), respondWith: (r) => { response = r; }, ...extra };
  handlers[type](event);
  await Promise.all(pending);
  return response;
}

(async () => {
  vm.runInNewContext(fs.readFileSync(workerPath, "utf8"), {
    self, caches, fetch: fakeFetch, Request, Response, URL, Promise, setTimeout, clearTimeout,
  });
  await dispatch("install");
  await dispatch("activate");
  const answers = [];
  for (const { url, mode } of scenario.requests || []) {
    const request = new Request(new URL(url, scenario.scope).href);
    Object.defineProperty(request, "mode", { value: mode || "no-cors" });
    const response = await dispatch("fetch", { request });
    answers.push({ url: request.url, body: response ? await (await response).text() : null });
  }
  await new Promise((resolve) => setTimeout(resolve, 10));  // remember() stores after answering
  const cacheNames = [...stores.keys()];
  process.stdout.write(JSON.stringify({ answers, cacheNames, calls }));
})().catch((error) => { process.stderr.write(String(error.stack || error)); process.exit(1); });
