using System.Net;

namespace ChatSalesBot.Channels.Teams.Tests.Infrastructure;

/// <summary>
/// A request body of <c>length</c> bytes written in 64 KB pieces from one small buffer, without a Content-Length
/// (so it goes out chunked): an upload of any size that costs the sender no memory.
/// </summary>
public sealed class FillerContent(long length) : HttpContent
{
    private static readonly byte[] Piece = Enumerable.Repeat((byte)' ', 64 * 1024).ToArray();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (long sent = 0; sent < length; sent += Piece.Length)
        {
            await stream.WriteAsync(Piece.AsMemory(0, (int)Math.Min(Piece.Length, length - sent)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
