namespace ChatSalesBot.Channels.Teams.Auth;

/// <summary>
/// Result of checking a channel token: the failure reason, or what the activity must still match
/// (serviceurl claim, endorsements of the signing key). See PROTOCOLS.md §A.
/// </summary>
public sealed record TokenValidationOutcome(string? Failure, string? ServiceUrl, IReadOnlyCollection<string>? Endorsements)
{
    public bool IsValid => Failure is null;

    /// <summary>Bot Framework-issued tokens carry endorsements; Entra-issued channel tokens do not.</summary>
    public bool RequiresEndorsement => Endorsements is not null;

    public static TokenValidationOutcome Fail(string reason) => new(reason, null, null);

    /// <summary>Local development mode: no token was asked for.</summary>
    public static readonly TokenValidationOutcome Unauthenticated = new(null, null, null);
}
