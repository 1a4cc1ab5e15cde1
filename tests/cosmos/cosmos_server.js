#!/usr/bin/env node
// A local Cosmos DB for NoSQL protocol server for the tests and bench/store.py:
// @vercel/cosmosdb-server (installed in ./node by `npm ci --ignore-scripts`) with the
// three fixes the Python azure-cosmos SDK needs:
//  1. keep-alive: the stock server answers every request with "connection: close", so the
//     SDK opens a new connection (and TLS handshake) for every operation;
//  2. a point read of a missing item answers 404 NotFound (stock: 500 from a TypeError);
//  3. queries honour the x-ms-documentdb-partitionkey header, so a query scoped to one
//     partition sees only that partition (stock: the header is ignored and results leak
//     across partitions, or the query is refused unless its WHERE names the key);
//  4. replacing a container (e.g. to change its indexing policy) keeps its documents, as
//     Cosmos DB does (stock: the replaced container starts empty).
// Everything else (etags, 409 on create, 412 on If-Match, ORDER BY with composite
// indexes, continuation tokens) is the package's own behaviour.
//
// One test control, on this test server only: POST /_test/throttle {"count": N} makes the
// next N document operations answer 429 (TooManyRequests, retry after 1 ms), so tests
// see the SDK's throttling retries and what the app logs about them.
//
// Usage: node cosmos_server.js [--host 127.0.0.1] [--port 0] [--no-ssl]
// Once listening it prints one JSON line on stdout, {"ready":true,"host":...,"port":...,
// "protocol":"http"|"https"}, which tests/cosmos/server.py waits for. SIGTERM or SIGINT
// (or the parent closing stdin) stops it.
"use strict";
const path = require("path");

const NODE_MODULES = path.join(__dirname, "node", "node_modules");
const LIB = path.join(NODE_MODULES, "@vercel", "cosmosdb-server", "lib");

function parseArgs(argv) {
  const options = { host: "127.0.0.1", port: 0, ssl: true };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name === "--no-ssl") { options.ssl = false; continue; }
    if (name !== "--host" && name !== "--port") throw new Error(`unknown option ${name}`);
    const value = argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value`);
    if (name === "--host") options.host = value;
    else {
      if (!/^\d+$/.test(value) || Number(value) > 65535) throw new Error(`--port must be 0..65535, not ${value}`);
      options.port = Number(value);
    }
  }
  return options;
}

function load(relative) {
  return require(path.join(LIB, relative));
}

const NOT_FOUND = { code: "NotFound", message: "Entity with the specified id does not exist in the system." };

// Fix 2. The handler modules must be patched before ./routes is loaded, because the
// routes table captures each module's `.default` when it is first required.
function patchPointRead() {
  const { default: partitionKeyHeader, parsePartitionKey } = load("utils/get-partition-from-header");
  const readDocument = load("handler/read-document");
  const stockRead = readDocument.default;
  readDocument.default = (account, req, res, params) => {
    const collection = account.database(params.dbId).collection(params.collId);
    if (collection.read()) {
      let key;
      try { key = parsePartitionKey(partitionKeyHeader(req), params.docId); } catch (error) { key = undefined; }
      if (!collection.document(params.docId, key).read()) { res.statusCode = 404; return NOT_FOUND; }
    }
    return stockRead(account, req, res, params);
  };
}

// Fix 3: filter by the partition-key header before the query runs.
function patchQuery() {
  const { default: partitionKeyHeader } = load("utils/get-partition-from-header");
  const { default: getValue } = load("utils/get-value");
  const { default: readItems } = load("handler/_read-items");
  const { default: readJson } = load("json");
  const { default: trueHeader } = load("true-header");
  const { default: parseQuery } = require(path.join(NODE_MODULES, "@zeit", "cosmosdb-query"));
  const queryDocuments = load("handler/query-documents");

  const headerKey = (req) => {
    try {
      const value = JSON.parse(partitionKeyHeader(req) || "null");
      return Array.isArray(value) && value.length && (typeof value[0] !== "object" || value[0] === null) ? value : undefined;
    } catch (error) {
      return undefined;
    }
  };

  queryDocuments.default = (account, req, res, { dbId, collId }) =>
    readItems(req, res, "Documents", async ({ continuation, maxItemCount }) => {
      const body = await readJson(req);
      if (!body.query) { res.statusCode = 400; return { code: "BadRequest", message: "missing query" }; }
      const collection = account.database(dbId).collection(collId);
      const meta = collection.read();
      if (!meta) return null;
      const paths = ((meta.partitionKey || {}).paths || []).filter((p) => p !== "/_partitionKey");
      const key = headerKey(req);
      let parsed;
      try { parsed = parseQuery(body.query); } catch (error) {
        res.statusCode = 400; return { code: "BadRequest", message: error.message };
      }
      if (!key && paths.length && !trueHeader(req, "x-ms-documentdb-query-enablecrosspartition")
          && !parsed.containsPartitionKeys(paths)) {
        res.statusCode = 400; return { code: "BadRequest", message: "missing partition keys" };
      }
      let documents = [...collection.documents._data.values()].map((item) => item.read());
      if (key) documents = documents.filter((d) => paths.every((p, i) => getValue(p.slice(1).split("/"), d) === key[i]));
      const query = collection.documents._getQuery(body.query);
      const options = {
        parameters: body.parameters,
        udf: collection.documents._userDefinedFunctions(),
        maxItemCount,
        continuation,
        compositeIndexes: (meta.indexingPolicy && meta.indexingPolicy.compositeIndexes) || [],
      };
      try { return query.exec(documents, options); } catch (error) {
        res.statusCode = 400; return { code: "BadRequest", message: error.message };
      }
    });
}

// Fix 4: the stock replace builds a new, empty collection object; move the documents
// (and user-defined functions) of the old one over.
function patchContainerReplace() {
  const Collections = load("account/collections").default;
  const stockReplace = Collections.prototype.replace;
  Collections.prototype.replace = function replace(data, original) {
    const before = this._item("/id", original.id, this._getPartition(original));
    const result = stockReplace.call(this, data, original);
    const after = this._item("/id", data.id, this._getPartition(data));
    if (before && after && before !== after) {
      for (const part of ["documents", "userDefinedFunctions"]) {
        after[part] = before[part];
        after[part]._parent = after;
      }
    }
    return result;
  };
}

function addThrottleControl() {
  const routes = load("routes");
  const { default: readJson } = load("json");
  const stockRoutes = routes.default;
  let remaining = 0;
  const throttled = async (account, req, res) => {
    res.statusCode = 429;
    res.setHeader("x-ms-retry-after-ms", "1");
    return { code: "TooManyRequests", message: "Request rate is large (test server throttle)" };
  };
  routes.default = (req) => {
    const path = (req.url || "").split("?")[0];
    if (req.method === "POST" && path === "/_test/throttle") {
      return [{}, async (account, request) => {
        const body = await readJson(request);
        remaining = Math.max(0, Number((body || {}).count) || 0);
        return { throttle: remaining };
      }];
    }
    const route = stockRoutes(req);
    if (route && remaining > 0 && /\/docs(\/|$)/.test(path)) {
      remaining -= 1;
      return [route[0], throttled];
    }
    return route;
  };
}

function main() {
  let options;
  try { options = parseArgs(process.argv.slice(2)); } catch (error) {
    process.stderr.write(`cosmos_server.js: ${error.message}\n`);
    process.exit(2);
  }
  let lib;
  try {
    patchPointRead();
    patchQuery();
    patchContainerReplace();
    addThrottleControl();
    lib = load("index");
  } catch (error) {
    process.stderr.write(`cosmos_server.js: @vercel/cosmosdb-server is not installed in ${NODE_MODULES} `
      + `(run npm ci --ignore-scripts in ${path.join(__dirname, "node")}): ${error.message}\n`);
    process.exit(3);
  }
  const create = options.ssl ? lib.createHttpsServer : lib.createHttpServer;
  const server = create({ keepAlive: true });  // fix 1
  server.on("error", (error) => { process.stderr.write(`cosmos_server.js: ${error.message}\n`); process.exit(1); });
  server.listen(options.port, options.host, () => {
    const { port } = server.address();
    process.stdout.write(JSON.stringify({ ready: true, host: options.host, port, protocol: options.ssl ? "https" : "http" }) + "\n");
  });
  const stop = () => {
    server.close(() => process.exit(0));
    if (server.closeAllConnections) server.closeAllConnections();  // keep-alive sockets would hold close()
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.stdin.on("end", stop);  // the parent went away
  process.stdin.resume();
}

main();
