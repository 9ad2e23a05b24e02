using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChatSalesBot.Channels.Teams.Tests;

/// <summary>Measures this process's memory, so it runs alone (no other test class allocating at the same time).</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>
/// Oversized uploads without Content-Length on a real Kestrel socket: the limit is enforced while the body is read,
/// before any token work, so eight concurrent 25 MB bodies cost the process almost nothing.
/// </summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class RequestBodyLimitTests(ITestOutputHelper output)
{
    private const long UploadBytes = 25L * 1024 * 1024;
    private const long AllowedGrowthBytes = 50L * 1024 * 1024;

    [Fact]
    public async Task TeamsEndpoints_EightConcurrent25MbChunkedBodies_413EachAndMemoryStaysFlat()
    {
        await using var host = await TeamsTestHost.StartAsync(kestrel: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await UploadAsync(host)); // warm-up: JIT, connection and buffer pools
        var (managedBefore, workingSetBefore) = Measure();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => UploadAsync(host)));
        var (managedAfter, workingSetAfter) = Measure();

        output.WriteLine($"managed {(managedAfter - managedBefore) / 1024} KB, working set {(workingSetAfter - workingSetBefore) / 1024} KB");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.RequestEntityTooLarge, s));
        Assert.True(managedAfter - managedBefore < AllowedGrowthBytes, $"managed heap grew by {(managedAfter - managedBefore) / 1048576} MB");
        Assert.True(workingSetAfter - workingSetBefore < AllowedGrowthBytes,
            $"working set grew by {(workingSetAfter - workingSetBefore) / 1048576} MB");
    }

    /// <summary>
    /// One chunked upload over a raw socket, reading the answer while still sending: the server answers 413 and closes
    /// the connection mid-upload, which HttpClient reports as a failed write instead of the status.
    /// </summary>
    private static async Task<HttpStatusCode> UploadAsync(TeamsTestHost host)
    {
        var address = host.Client.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/messages HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
        var answer = ReadStatusAsync(stream);
        var piece = Encoding.ASCII.GetBytes($"{Chunk.Length:x}\r\n").Concat(Chunk).Concat("\r\n"u8.ToArray()).ToArray();
        try
        {
            for (long sent = 0; sent < UploadBytes && !answer.IsCompleted; sent += Chunk.Length)
            {
                await stream.WriteAsync(piece);
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The server closed the connection after answering; the answer is what counts.
        }

        return await answer;
    }

    private static readonly byte[] Chunk = Enumerable.Repeat((byte)' ', 64 * 1024).ToArray();

    private static async Task<HttpStatusCode> ReadStatusAsync(NetworkStream stream)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1 && one[0] != (byte)'\n')
        {
            line.Add(one[0]);
        }

        var status = Encoding.ASCII.GetString(line.ToArray()).Split(' ');
        return (HttpStatusCode)int.Parse(status[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (long Managed, long WorkingSet) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (managed, process.WorkingSet64);
    }
}
