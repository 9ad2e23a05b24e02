// Load-test stand-in for everything outside the bot: Bot Framework OpenID metadata and JWKS (own RSA key,
// endorsed for msteams), the client-credentials token endpoint, the members API (BENCH_MEMBER_EMAIL) and the
// Bot Connector (answers 201 {id}).
// On start it writes a signed channel token (aud = BENCH_APP_ID, serviceurl = this server) to out/token.txt.
"use strict";
const http = require("http");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const port = Number(process.env.STANDIN_PORT || 3979);
const base = `http://127.0.0.1:${port}/`;
const appId = process.env.BENCH_APP_ID || "00000000-0000-0000-0000-0000000000b1";
const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: "jwk" }), kid: "bench-key", use: "sig", endorsements: ["msteams"] };

const b64 = obj => Buffer.from(JSON.stringify(obj)).toString("base64url");
const now = Math.floor(Date.now() / 1000);
const unsigned = `${b64({ alg: "RS256", typ: "JWT", kid: "bench-key" })}.${b64({
  iss: "https://api.botframework.com", aud: appId, serviceurl: base, nbf: now - 60, iat: now - 60, exp: now + 86400,
})}`;
const token = `${unsigned}.${crypto.sign("RSA-SHA256", Buffer.from(unsigned), privateKey).toString("base64url")}`;
fs.mkdirSync(path.join(__dirname, "out"), { recursive: true });
fs.writeFileSync(path.join(__dirname, "out", "token.txt"), token);

let ids = 0;
let connectorCalls = 0;
const json = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
};
let lastBody = "";
http.createServer((req, res) => {
  const chunks = [];
  req.on("data", c => chunks.push(c));
  req.on("end", () => {
    if (req.url === "/botframework/.well-known/openidconfiguration") {
      return json(res, 200, { issuer: "https://api.botframework.com", jwks_uri: `${base}botframework/keys`,
        id_token_signing_alg_values_supported: ["RS256"], token_endpoint_auth_methods_supported: ["private_key_jwt"] });
    }
    if (req.url === "/botframework/keys") return json(res, 200, { keys: [jwk] });
    if (req.url === "/token") return json(res, 200, { token_type: "Bearer", expires_in: 3600, access_token: "bench-connector-token" });
    if (req.url === "/stats") return json(res, 200, { connectorCalls });
    if (req.method === "GET" && req.url.includes("/members/")) {
      // The members API: the email the bot links the rep by (a rep of the seeded benchmark database).
      return json(res, 200, { id: "29:bench-user", name: "Bench Rep", aadObjectId: "6b2a7d0c-4c6e-4d16-9e51-1b1f6a1f0c11",
        email: process.env.BENCH_MEMBER_EMAIL || "lukas.dubois.2@scale.example" });
    }
    if (req.url === "/last") return json(res, 200, lastBody ? JSON.parse(lastBody) : {});
    if (req.url.startsWith("/v3/conversations")) {
      connectorCalls++;
      if (connectorCalls % 1000 === 1) lastBody = Buffer.concat(chunks).toString("utf8");
      return json(res, req.method === "POST" ? 201 : 200, { id: `${++ids}` });
    }
    json(res, 404, { error: { code: "NotFound" } });
  });
}).listen(port, "127.0.0.1", () => console.log(`stand-in on ${base} (token in out/token.txt)`));
