// Preloaded into the Playground process: its server listens on every interface and it may try to send telemetry.
// Force its listeners onto 127.0.0.1 and refuse every outbound connection that is not loopback.
"use strict";
const net = require("net");

const loopback = new Set(["127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"]);

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" || (typeof args[0] === "string" && /^\d+$/.test(args[0]))) {
    const port = Number(args[0]);
    const rest = typeof args[1] === "string" ? args.slice(2) : args.slice(1);
    return listen.call(this, port, "127.0.0.1", ...rest);
  }
  if (args[0] && typeof args[0] === "object" && !args[0].path && !args[0]._handle) {
    args[0] = { ...args[0], host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = args[0] && typeof args[0] === "object" ? args[0] : { port: args[0], host: typeof args[1] === "string" ? args[1] : "localhost" };
  const host = options.path ? "localhost" : (options.host ?? "localhost");
  if (!loopback.has(host)) {
    process.stderr.write(`loopback-only: refused outbound connection to ${host}:${options.port}\n`);
    const socket = this;
    process.nextTick(() => socket.destroy(new Error(`loopback-only: ${host} is not loopback`)));
    return this;
  }
  return connect.apply(this, args);
};
