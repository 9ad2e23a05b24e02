using System.Text.Json;

namespace ChatSalesBot.Channels.Slack.Tests.Support;

/// <summary>Checks rendered Block Kit JSON against Slack's documented limits (docs/slack.md); returns every breach.</summary>
public static class BlockKitLimits
{
    public static List<string> CheckMessage(JsonElement message)
    {
        var problems = new List<string>();
        Max(problems, "message text", message.GetProperty("text").GetString()!.Length, 40_000);
        CheckBlocks(problems, message.GetProperty("blocks"), 50);
        return problems;
    }

    public static List<string> CheckView(JsonElement view)
    {
        var problems = new List<string>();
        foreach (var name in new[] { "title", "submit", "close" })
        {
            if (view.TryGetProperty(name, out var t))
            {
                Max(problems, "view " + name, t.GetProperty("text").GetString()!.Length, 24);
            }
        }

        if (view.TryGetProperty("private_metadata", out var pm))
        {
            Max(problems, "private_metadata", pm.GetString()!.Length, 3000);
        }

        CheckBlocks(problems, view.GetProperty("blocks"), 100);
        return problems;
    }

    private static void CheckBlocks(List<string> problems, JsonElement blocks, int maxBlocks)
    {
        Max(problems, "blocks", blocks.GetArrayLength(), maxBlocks);
        var blockIds = new HashSet<string>();
        var actionIds = new HashSet<string>();
        foreach (var block in blocks.EnumerateArray())
        {
            var type = block.GetProperty("type").GetString();
            if (block.TryGetProperty("block_id", out var bid) && (!blockIds.Add(bid.GetString()!) || bid.GetString()!.Length > 255))
            {
                problems.Add($"block_id {bid} duplicate or too long");
            }

            switch (type)
            {
                case "header":
                    Max(problems, "header", Text(block.GetProperty("text")), 150);
                    break;
                case "section":
                    if (block.TryGetProperty("text", out var text))
                    {
                        Max(problems, "section text", Text(text), 3000);
                    }

                    if (block.TryGetProperty("fields", out var fields))
                    {
                        Max(problems, "fields", fields.GetArrayLength(), 10);
                        foreach (var f in fields.EnumerateArray())
                        {
                            Max(problems, "field", Text(f), 2000);
                        }
                    }

                    if (!block.TryGetProperty("text", out _) && !block.TryGetProperty("fields", out _))
                    {
                        problems.Add("section without text or fields");
                    }

                    if (block.TryGetProperty("accessory", out var acc))
                    {
                        Element(problems, acc, actionIds);
                    }

                    break;
                case "context":
                    Max(problems, "context elements", block.GetProperty("elements").GetArrayLength(), 10);
                    foreach (var e in block.GetProperty("elements").EnumerateArray())
                    {
                        Max(problems, "context text", Text(e), 3000);
                    }

                    break;
                case "actions":
                    Max(problems, "actions elements", block.GetProperty("elements").GetArrayLength(), 25);
                    foreach (var e in block.GetProperty("elements").EnumerateArray())
                    {
                        Element(problems, e, actionIds);
                    }

                    break;
                case "input":
                    Max(problems, "input label", Text(block.GetProperty("label")), 2000);
                    Element(problems, block.GetProperty("element"), actionIds);
                    break;
                case "divider":
                    break;
                default:
                    problems.Add("unexpected block type " + type);
                    break;
            }
        }
    }

    private static void Element(List<string> problems, JsonElement e, HashSet<string> actionIds)
    {
        var actionId = e.GetProperty("action_id").GetString()!;
        Max(problems, "action_id", actionId.Length, 255);
        if (e.GetProperty("type").GetString() == "button" && !actionIds.Add(actionId))
        {
            problems.Add("duplicate action_id " + actionId);
        }

        switch (e.GetProperty("type").GetString())
        {
            case "button":
                Max(problems, "button text", Text(e.GetProperty("text")), 75);
                if (e.TryGetProperty("value", out var v))
                {
                    Max(problems, "button value", v.GetString()!.Length, 2000);
                }

                break;
            case "static_select":
                var options = e.GetProperty("options");
                Max(problems, "options", options.GetArrayLength(), 100);
                foreach (var o in options.EnumerateArray())
                {
                    Max(problems, "option text", Text(o.GetProperty("text")), 75);
                    Max(problems, "option value", o.GetProperty("value").GetString()!.Length, 150);
                }

                break;
            case "plain_text_input":
                if (e.TryGetProperty("max_length", out var ml))
                {
                    Max(problems, "max_length", ml.GetInt32(), 3000);
                }

                break;
        }
    }

    private static int Text(JsonElement textObject) => textObject.GetProperty("text").GetString()!.Length;

    private static void Max(List<string> problems, string what, int actual, int max)
    {
        if (actual > max)
        {
            problems.Add($"{what}: {actual} > {max}");
        }
    }
}
