namespace ChatSalesBot.Host.Admin;

/// <summary>The audit trail's "channel" and "rep" for work done from the admin command line.</summary>
public static class AdminChannel
{
    public const string Name = "admin-cli";

    /// <summary>No rep is signed in on the command line; audit entries carry this id.</summary>
    public const int SystemRepId = 0;
}
