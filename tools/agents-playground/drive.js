#!/usr/bin/env node
// Runs the Microsoft 365 Agents Playground (its own CLI, loopback only, no telemetry, no browser) against a bot's
// /api/messages and drives it through the same HTTP + websocket API its browser UI uses:
// "customer acme" -> Acme card; a card button (Action.Execute invoke) -> answer; the log form submitted -> "Visit logged".
// Usage: node --experimental-websocket drive.js --endpoint http://127.0.0.1:PORT/api/messages [--timeout 120]
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const net = require("net");
const os = require("os");
const path = require("path");

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const endpoint = args.endpoint;
const timeoutSeconds = Number(args.timeout ?? 120);
const cli = path.join(__dirname, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

let playground;
let logFile;

function fail(message) {
  process.stderr.write(`PLAYGROUND FAIL: ${message}\n`);
  if (logFile && fs.existsSync(logFile)) {
    process.stderr.write("--- playground log (tail) ---\n" + fs.readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n") + "\n");
  }
  playground?.kill();
  process.exit(1);
}

function step(message) {
  process.stdout.write(`ok: ${message}\n`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(base, method, route, body) {
  const response = await fetch(base + route, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    fail(`${method} ${route} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return text.length > 0 && /^[[{]/.test(text) ? JSON.parse(text) : text;
}

/** Waits for a bot message on the UI websocket that satisfies the predicate. */
function nextBotMessage(inbox, predicate, what) {
  return new Promise((resolve) => {
    const check = () => {
      const found = inbox.messages.find((m) => !m.taken && predicate(m));
      if (found) {
        found.taken = true;
        inbox.waiters.delete(check);
        resolve(found);
      }
    };
    inbox.waiters.add(check);
    check();
    setTimeout(() => {
      if (inbox.waiters.has(check)) {
        const seen = inbox.messages.map((m) => JSON.stringify(m).slice(0, 300)).join("\n  ");
        fail(`no ${what} within 30 s; bot messages seen:\n  ${seen || "(none)"}`);
      }
    }, 30_000);
  });
}

const cardOf = (message) => message.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content;

/** Every element of a card (body and actions, nested too) whose type starts with the prefix. */
function elementsOf(card, prefix) {
  const found = [];
  const walk = (node) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === "object") {
      if (typeof node.type === "string" && node.type.startsWith(prefix)) {
        found.push(node);
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(card.body ?? []);
  walk(card.actions ?? []);
  return found;
}

const actionsOf = (card) => elementsOf(card, "Action.");
const inputsOf = (card) => elementsOf(card, "Input.");

/** What the UI's renderer sends for Action.Execute: the action's data merged with the card's input values. */
async function press(base, me, conversationId, messageId, action, inputs = {}) {
  const data = typeof action.data === "object" ? { ...action.data, ...inputs } : action.data;
  return call(base, "POST", "/_conversation/v1/invoke", {
    name: "adaptiveCard/action",
    value: { action: { type: action.type, title: action.title, verb: action.verb, data } },
    from: { id: me },
    conversation: { id: conversationId },
    replyToId: messageId,
  });
}

async function main() {
  if (!endpoint) {
    fail("missing --endpoint http://127.0.0.1:PORT/api/messages");
  }
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(endpoint)) {
    fail(`endpoint must be loopback: ${endpoint}`);
  }
  if (typeof WebSocket !== "function") {
    fail("no WebSocket in this Node; run with --experimental-websocket (Node >= 20.10)");
  }
  if (!fs.existsSync(cli)) {
    fail(`Playground not installed (${cli}); run npm ci in tools/agents-playground`);
  }
  setTimeout(() => fail(`timed out after ${timeoutSeconds} s`), timeoutSeconds * 1000).unref();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "agents-playground-")), "playground.log");
  const env = { ...process.env, TEAMSAPPTESTER_BROWSER: "none", M365_AGENTS_PLAYGROUND_LOGFILE: logFile };
  for (const name of Object.keys(env)) {
    if (/^(https?_proxy|all_proxy|applicationinsights_connection_string|appinsights_instrumentationkey)$/i.test(name)) {
      delete env[name];
    }
  }
  playground = spawn(process.execPath, ["--require", path.join(__dirname, "loopback-only.js"), cli,
    "--app-endpoint", endpoint, "--channel-id", "msteams", "--port", String(port),
    "--service-url", `${base}/_connector`, "--disable-telemetry"], { cwd: __dirname, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  playground.stdout.on("data", (d) => (output += d));
  playground.stderr.on("data", (d) => (output += d));
  playground.on("exit", (code) => fail(`the Playground exited early (code ${code}):\n${output}`));
  process.on("exit", () => playground.kill());

  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/_debug/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 200) fail(`the Playground did not answer /_debug/ping:\n${output}`);
    await delay(100);
  }
  step(`Playground ${require(path.join(path.dirname(cli), "package.json")).version} on ${base}`);

  const config = await call(base, "GET", "/_internal/v1/config");
  if (args.dump) console.log(JSON.stringify(config, null, 1).slice(0, 4000));
  const me = config.config?.currentUser?.id;
  const conversationId = config.config?.personalChat?.conversationId ?? config.config?.personalChat?.id;
  if (!me || !conversationId) {
    fail("config answer without me / personal chat: " + JSON.stringify(config).slice(0, 800));
  }

  const inbox = { messages: [], waiters: new Set() };
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error("websocket failed"));
  });
  socket.onmessage = (event) => {
    const action = JSON.parse(event.data);
    if (action.message && action.message.from?.id !== me) {
      inbox.messages.push(action.message);
      [...inbox.waiters].forEach((w) => w());
    }
  };

  await call(base, "POST", `/_debug/conversation/${conversationId}/installation`, {});
  await call(base, "POST", `/_conversation/v1/conversations/${conversationId}/messages`, { from: { id: me }, text: "customer acme", textFormat: "plain" });
  const reply = await nextBotMessage(inbox, (m) => cardOf(m)?.body?.[0]?.text === "Acme Corporation", "Acme Corporation Adaptive Card");
  const card = cardOf(reply);
  const buttons = actionsOf(card).filter((a) => a.type === "Action.Execute");
  step(`"customer acme" answered with the Acme Corporation card (buttons: ${buttons.map((b) => b.title).join(", ")})`);

  const snooze = buttons.find((b) => /^snooze/i.test(b.title ?? ""));
  if (!snooze) fail("the Acme card has no Snooze button: " + JSON.stringify(card).slice(0, 800));
  const snoozed = await press(base, me, conversationId, reply.messageId, snooze);
  if (!/Snoozed Acme Corporation/.test(JSON.stringify(snoozed))) fail(`"${snooze.title}" answered: ${JSON.stringify(snoozed).slice(0, 800)}`);
  step(`"${snooze.title}" answered: ${JSON.stringify(snoozed.value ?? snoozed).slice(0, 160)}`);

  const logVisit = buttons.find((b) => /log a visit/i.test(b.title ?? ""));
  if (!logVisit) fail("the Acme card has no Log a visit button");
  let form = await press(base, me, conversationId, reply.messageId, logVisit);
  let formCard = form?.value?.type === "AdaptiveCard" ? form.value : undefined;
  let formMessageId = reply.messageId;
  if (!formCard) {
    // The form may come as a new message instead of the invoke response.
    const formMessage = await nextBotMessage(inbox, (m) => inputsOf(cardOf(m) ?? {}).length > 0, "log form");
    formCard = cardOf(formMessage);
    formMessageId = formMessage.messageId;
  }
  const inputs = inputsOf(formCard);
  if (inputs.length === 0) fail("Log a visit did not give a form: " + JSON.stringify(form).slice(0, 800));
  const values = Object.fromEntries(inputs.map((input) => [input.id,
    input.value ?? (input.type === "Input.ChoiceSet" ? input.choices?.[0]?.value : input.type === "Input.Text" ? "Checked in from the Agents Playground" : undefined)])
    .filter(([, v]) => v !== undefined));
  step(`"${logVisit.title}" answered with the log form (inputs: ${inputs.map((i) => i.id).join(", ")})`);

  const submit = actionsOf(formCard).find((a) => a.type === "Action.Execute");
  if (!submit) fail("the log form has no Action.Execute: " + JSON.stringify(formCard).slice(0, 800));
  const logged = await press(base, me, conversationId, formMessageId, submit, values);
  if (!/Visit logged/.test(JSON.stringify(logged))) fail(`submitting the log form answered: ${JSON.stringify(logged).slice(0, 800)}`);
  step(`the log form submitted ("${submit.title}") answered "Visit logged"`);

  socket.close();
  playground.removeAllListeners("exit");
  playground.kill();
  process.stdout.write("PLAYGROUND OK\n");
  process.exit(0);
}

main().catch((e) => fail(e.stack ?? String(e)));
