// Drives the official @microsoft/signalr client for the Python tests: one JSON command
// per stdin line, one JSON reply (same "id") per stdout line; pushes {"event": ...}
// lines for reconnects and closes. Every received hub message is kept in order.
"use strict";
const readline = require("readline");
const signalR = require("@microsoft/signalr");

let connection = null;
const received = [];
const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");

const TARGETS = ["onCampaignStarted", "onArtifactGenerated", "onChunkReceived", "onComplianceCheckCompleted",
  "onCampaignCompleted", "onGenerationFailed", "onCampaignStatus", "onRequestRefused", "onTest"];

async function connect(cmd) {
  const headers = cmd.user ? { "x-ms-client-principal-id": cmd.user } : {};
  connection = new signalR.HubConnectionBuilder()
    .withUrl(cmd.url, { headers, accessTokenFactory: cmd.accessToken ? () => cmd.accessToken : undefined,
      skipNegotiation: !!cmd.skipNegotiation, transport: cmd.skipNegotiation ? signalR.HttpTransportType.WebSockets : undefined })
    .withAutomaticReconnect([0, 200, 500, 1000, 1000, 1000, 2000, 2000, 2000, 2000, 5000])
    .configureLogging(signalR.LogLevel.None)
    .build();
  connection.serverTimeoutInMilliseconds = cmd.serverTimeoutMs || 30000;
  connection.keepAliveIntervalInMilliseconds = cmd.keepAliveMs || 15000;
  for (const target of TARGETS) {
    connection.on(target, (...args) => { received.push({ target, args }); });
  }
  connection.onreconnecting((err) => out({ event: "reconnecting", error: err ? String(err.message || err) : null }));
  connection.onreconnected((id) => out({ event: "reconnected", connectionId: id }));
  connection.onclose((err) => out({ event: "closed", error: err ? String(err.message || err) : null }));
  await connection.start();
  return { connectionId: connection.connectionId, state: connection.state };
}

async function handle(cmd) {
  switch (cmd.cmd) {
    case "connect": return connect(cmd);
    case "invoke": return { result: await connection.invoke(cmd.method, ...(cmd.args || [])) ?? null };
    case "send": await connection.send(cmd.method, ...(cmd.args || [])); return {};
    case "received": return { received: received.slice(cmd.from || 0) };
    case "state": return { state: connection ? connection.state : "None", connectionId: connection && connection.connectionId };
    case "stop": if (connection) await connection.stop(); return { state: connection ? connection.state : "None" };
    default: throw new Error(`unknown command ${cmd.cmd}`);
  }
}

readline.createInterface({ input: process.stdin }).on("line", async (line) => {
  let cmd;
  try { cmd = JSON.parse(line); } catch (e) { out({ id: null, ok: false, error: `bad json: ${e}` }); return; }
  try { out({ id: cmd.id, ok: true, ...(await handle(cmd)) }); }
  catch (e) { out({ id: cmd.id, ok: false, error: String((e && e.message) || e), statusCode: e && e.statusCode }); }
}).on("close", async () => { if (connection) { try { await connection.stop(); } catch (e) { /* exiting */ } } process.exit(0); });
