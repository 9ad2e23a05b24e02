namespace ChatSalesBot.Domain.Storage;

/// <summary>
/// The store cannot be used at all (file locked by another process, damaged, from a newer version). The message
/// is written for the person running the bot and says what to do; nothing was changed.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
