using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatSalesBot.Channels.Teams;

/// <summary>The one JSON setting for the Bot Framework wire format: camelCase, nulls left out.</summary>
public static class TeamsJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
