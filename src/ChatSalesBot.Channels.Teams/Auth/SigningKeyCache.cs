using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatSalesBot.Channels.Teams.Auth;

/// <summary>
/// The signing keys of one OpenID metadata document, on the injected clock. Fetched on first use and refreshed when
/// 12 hours old. A token naming a key id the cache does not hold gets one awaited refetch, so a rolled-over key works
/// on its first request (botbuilder-js refetches only when its keys are an hour old, botbuilder-dotnet waits for its
/// periodic refresh). Such refetches happen at most once per <see cref="UnknownKeyRefetchInterval"/>: tokens with forged
/// key ids cost the metadata endpoint one request per 30 s, and a real new key is accepted at the latest 30 s after the
/// previous refetch. See docs/teams.md, "What the endpoint does".
/// </summary>
internal sealed class SigningKeyCache(string metadataUrl, IDocumentRetriever retriever, TimeProvider time, ILogger logger) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(12);

    public static readonly TimeSpan UnknownKeyRefetchInterval = TimeSpan.FromSeconds(30);

    /// <summary>After a failed periodic refresh the old keys stay in use; the next attempt waits this long.</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    /// <summary>UTC ticks, so the lock-free read in <see cref="GetAsync"/> can never see half a value.</summary>
    private long _refreshDueTicks;
    private DateTimeOffset? _lastUnknownKeyRefetch;

    /// <summary>The current keys (fetched first if there are none or they are due); null when none could be fetched.</summary>
    public async Task<OpenIdConnectConfiguration?> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current && !RefreshDue)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is null || RefreshDue)
            {
                await FetchAsync(cancellationToken);
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Keys for a token whose key id was not in <paramref name="seen"/>: newer keys if another request fetched them
    /// meanwhile, else one refetch unless the last such refetch was under 30 s ago (then null: nothing new).
    /// </summary>
    public async Task<OpenIdConnectConfiguration?> RefetchForUnknownKeyAsync(OpenIdConnectConfiguration seen, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(_current, seen))
            {
                return _current;
            }

            var now = time.GetUtcNow();
            if (_lastUnknownKeyRefetch is { } last && now - last < UnknownKeyRefetchInterval)
            {
                return null;
            }

            _lastUnknownKeyRefetch = now;
            await FetchAsync(cancellationToken);
            return ReferenceEquals(_current, seen) ? null : _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool RefreshDue => time.GetUtcNow().UtcTicks >= Volatile.Read(ref _refreshDueTicks);

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            _current = await OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl, retriever, cancellationToken);
            Volatile.Write(ref _refreshDueTicks, (time.GetUtcNow() + RefreshInterval).UtcTicks);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or ArgumentException or InvalidOperationException or JsonException)
        {
            TeamsLog.OpenIdMetadataUnavailable(logger, ex.GetType().Name);
            Volatile.Write(ref _refreshDueTicks, (time.GetUtcNow() + RetryAfterFailure).UtcTicks);
        }
    }

    public void Dispose() => _gate.Dispose();
}
