using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Domain.Storage;

/// <summary>A store that can load what requests read most into memory before the first request arrives.</summary>
public interface IStoreWarmUp
{
    /// <summary>
    /// Keeps every customer in memory from now on; returns how many were loaded. <paramref name="loaded"/> sees them
    /// page by page as they are read, so that a caller can index them on another thread meanwhile.
    /// </summary>
    int CacheCustomers(Action<IReadOnlyList<Customer>>? loaded = null);

    /// <summary>Reads the delivery keys the turn ledger remembers, so that the first turn does not wait for them.</summary>
    void LoadTurnLedger();
}

/// <summary>A store that can write a consistent copy of itself while it keeps serving.</summary>
public interface IStoreBackup
{
    /// <summary>
    /// Writes a copy that the store can open to <paramref name="destinationPath"/>; an existing file there is replaced
    /// only when <paramref name="replace"/> says so (otherwise InvalidOperationException, nothing written).
    /// </summary>
    void Backup(string destinationPath, bool replace);
}

/// <summary>A store that can tell whether it could write right now (a readiness probe), cheaply and without waiting.</summary>
public interface IStoreHealth
{
    /// <summary>Null when the store can write; otherwise why not, in one line for the operator.</summary>
    string? WriteProblem();
}
