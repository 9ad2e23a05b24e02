using System.Text.Json;
using ChatSalesBot.Channels.Teams.Schema;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Teams.Proactive;

/// <summary>
/// Conversation references kept in the bot's database (<see cref="IKnownConversations"/>), read whole at start and
/// written through on every change. The JSON file earlier versions kept them in is imported once (see
/// <see cref="ImportJsonFile"/>). See docs/teams.md, "Proactive messages".
/// </summary>
public sealed class StoredConversationReferenceStore : InMemoryConversationReferenceStore
{
    private readonly IKnownConversations _store;
    private readonly TimeProvider _time;

    public StoredConversationReferenceStore(IKnownConversations store, TimeProvider time)
    {
        _store = store;
        _time = time;
        Load(store.KnownConversations(TeamsAddress.Platform).Select(Read).OfType<ConversationReference>());
    }

    /// <summary>
    /// Opens the store and imports <paramref name="jsonPath"/> (a list of references) once: each reference is saved,
    /// then the file is renamed <c>*.imported</c>. A file that does not read is left where it is and logged; the bot
    /// starts without it.
    /// </summary>
    public static StoredConversationReferenceStore Open(IKnownConversations store, TimeProvider time, string? jsonPath, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        if (!string.IsNullOrWhiteSpace(jsonPath))
        {
            ImportJsonFile(store, time, jsonPath, logger);
        }

        return new StoredConversationReferenceStore(store, time);
    }

    public static int ImportJsonFile(IKnownConversations store, TimeProvider time, string jsonPath, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var path = Path.GetFullPath(jsonPath);
        if (!File.Exists(path))
        {
            return 0;
        }

        List<ConversationReference> references;
        try
        {
            using var stream = File.OpenRead(path);
            references = JsonSerializer.Deserialize<List<ConversationReference>>(stream, TeamsJson.Options) ?? [];
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            TeamsLog.ConversationReferencesNotImported(logger, path, ex.Message);
            return 0;
        }

        var usable = references.Where(r => r is { ServiceUrl.Length: > 0, Conversation.Id.Length: > 0 }).ToList();
        foreach (var reference in usable)
        {
            store.SaveKnownConversation(Known(reference, time));
        }

        var imported = path + ".imported";
        try
        {
            File.Move(path, imported, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Saved already; importing again at the next start only writes the same documents again.
            TeamsLog.ConversationReferencesNotImported(logger, path, "imported, but not renamed: " + ex.Message);
            return usable.Count;
        }

        TeamsLog.ConversationReferencesImported(logger, usable.Count, references.Count - usable.Count, path, imported);
        return usable.Count;
    }

    protected override ValueTask OnChangedAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        _store.SaveKnownConversation(Known(reference, _time));
        return ValueTask.CompletedTask;
    }

    private static KnownConversation Known(ConversationReference reference, TimeProvider time)
    {
        var personal = TeamsAddress.IsPersonal(reference);
        return new KnownConversation
        {
            Platform = TeamsAddress.Platform,
            TenantId = reference.TenantId ?? reference.Conversation.TenantId ?? "",
            ConversationId = reference.Conversation.Id,
            Personal = personal,
            UserIds = personal && reference.User is { } user
                ? new[] { user.Id, user.AadObjectId }.OfType<string>().Where(id => id.Length > 0).ToList()
                : [],
            Reference = JsonSerializer.Serialize(reference, TeamsJson.Options),
            UpdatedAt = time.GetUtcNow(),
        };
    }

    private static ConversationReference? Read(KnownConversation known)
    {
        try
        {
            return JsonSerializer.Deserialize<ConversationReference>(known.Reference, TeamsJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
