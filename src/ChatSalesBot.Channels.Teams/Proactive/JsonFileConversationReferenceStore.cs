using System.Text.Json;
using ChatSalesBot.Channels.Teams.Schema;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Teams.Proactive;

/// <summary>
/// Conversation references in memory, written through to one JSON file (atomically: temp file, then rename).
/// Small by nature (one entry per chat or channel the bot is in); a database-backed store can replace it.
/// </summary>
public sealed class JsonFileConversationReferenceStore : InMemoryConversationReferenceStore, IDisposable
{
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public JsonFileConversationReferenceStore(string path, ILogger<JsonFileConversationReferenceStore> logger)
    {
        _path = Path.GetFullPath(path);
        _logger = logger;
        if (File.Exists(_path))
        {
            using var stream = File.OpenRead(_path);
            Load(JsonSerializer.Deserialize<List<ConversationReference>>(stream, TeamsJson.Options) ?? []);
        }
    }

    protected override async ValueTask OnChangedAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temp = _path + ".tmp";
            await using (var stream = File.Create(temp))
            {
                await JsonSerializer.SerializeAsync(stream, await ListAsync(cancellationToken), TeamsJson.Options, cancellationToken);
            }

            File.Move(temp, _path, overwrite: true);
        }
        catch (IOException ex)
        {
            TeamsLog.ConversationReferencesNotSaved(_logger, ex, _path);
        }
        catch (UnauthorizedAccessException ex)
        {
            TeamsLog.ConversationReferencesNotSaved(_logger, ex, _path);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose() => _writeGate.Dispose();
}
