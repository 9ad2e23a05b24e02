#!/usr/bin/env node
// Builds the uploadable Teams app package: manifest.json (placeholders filled) plus both icons at the zip's root.
// Usage: node package.js --app-id <GUID> [--out <file.zip>] [--version 1.0.0]
// Every ${{NAME}} in manifest.json is taken from --name-in-lower-kebab, then the environment, then the defaults
// below; TEAMS_APP_ID (the bot's Microsoft App ID, falls back to TEAMS__APPID) has no default.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const DEFAULTS = {
  TEAMS_APP_VERSION: "1.0.0",
  TEAMS_DEVELOPER_NAME: "ChatSalesBot",
  TEAMS_DEVELOPER_WEBSITE_URL: "https://example.com/chatsalesbot",
  TEAMS_DEVELOPER_PRIVACY_URL: "https://example.com/chatsalesbot/privacy",
  TEAMS_DEVELOPER_TERMS_URL: "https://example.com/chatsalesbot/terms",
};
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function args(argv) {
  const result = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith("--") || i + 1 >= argv.length) throw new Error(`unexpected argument ${argv[i]}`);
    result[argv[i].slice(2)] = argv[i + 1];
  }
  return result;
}

function setting(name, options) {
  const flag = name.replace(/^TEAMS_/, "").toLowerCase().replace(/_/g, "-");
  return options[flag] ?? options[name] ?? process.env[name] ?? (name === "TEAMS_APP_ID" ? process.env.TEAMS__APPID : undefined) ?? DEFAULTS[name];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const deflated = zlib.deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8); local.writeUInt16LE(0, 10); local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(deflated.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8); central.writeUInt16LE(8, 10); central.writeUInt16LE(0, 12); central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(deflated.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, deflated);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + deflated.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

function main() {
  const options = args(process.argv.slice(2));
  const appId = setting("TEAMS_APP_ID", options);
  if (!appId || !GUID.test(appId)) {
    console.error("TEAMS_APP_ID (--app-id) must be the bot's Microsoft App ID, a GUID.");
    process.exit(2);
  }
  const dir = __dirname;
  const template = fs.readFileSync(path.join(dir, "manifest.json"), "utf8");
  const missing = [];
  const manifest = template.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_, name) => {
    const value = setting(name, options);
    if (value === undefined) missing.push(name);
    return JSON.stringify(String(value ?? "")).slice(1, -1);
  });
  if (missing.length > 0) {
    console.error(`no value for ${missing.join(", ")}`);
    process.exit(2);
  }
  JSON.parse(manifest);
  const out = path.resolve(options.out ?? path.join(dir, "..", "..", "artifacts", "teams", `chatsalesbot-teams-${appId}.zip`));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, zip([
    { name: "manifest.json", data: Buffer.from(manifest, "utf8") },
    { name: "color.png", data: fs.readFileSync(path.join(dir, "color.png")) },
    { name: "outline.png", data: fs.readFileSync(path.join(dir, "outline.png")) },
  ]));
  console.log(out);
}

main();
