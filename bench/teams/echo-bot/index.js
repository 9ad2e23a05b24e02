// Baseline for the Teams load test: the smallest botbuilder (JavaScript Bot Framework SDK) echo bot, without
// authentication (no app id), replying through the connector at the activity's serviceUrl (the bench stand-in).
"use strict";
const express = require("express");
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityHandler } = require("botbuilder");

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => console.error(error);

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text}`);
      await next();
    });
  }
}
const bot = new EchoBot();

const app = express();
app.use(express.json({ limit: "256kb" }));
app.post("/api/messages", (req, res) => adapter.process(req, res, context => bot.run(context)));
const port = Number(process.env.PORT || 3988);
app.listen(port, "127.0.0.1", () => console.log(`echo bot on http://127.0.0.1:${port}/api/messages`));
