using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatSalesBot.Channels.Slack;

/// <summary>The one set of JSON options for everything Slack sends and receives (snake_case, nulls omitted).</summary>
public static class SlackJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowOutOfOrderMetadataProperties = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,

        // Slack reads JSON, never HTML: no need to turn &, <, > and non-ASCII into \u escapes (smaller bodies).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The payload as <typeparamref name="T"/>, or null (logged) when it does not have that shape.</summary>
    public static T? TryRead<T>(JsonElement element, Microsoft.Extensions.Logging.ILogger logger)
        where T : class
    {
        try
        {
            return element.Deserialize<T>(Options);
        }
        catch (JsonException ex)
        {
            SlackLog.MalformedPayload(logger, typeof(T).Name, ex.Message);
            return null;
        }
    }
}
