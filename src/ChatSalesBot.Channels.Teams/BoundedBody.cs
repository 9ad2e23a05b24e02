using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatSalesBot.Channels.Teams;

/// <summary>
/// A request body read whole, but never past a limit: a Content-Length over it is refused before reading, and a body
/// without one (chunked) is refused as soon as it grows past it, so an unauthenticated upload costs at most the limit.
/// Kestrel's own limit is lowered to the same value, which also stops it draining the rest after the refusal.
/// </summary>
internal readonly record struct BoundedBody(ReadOnlyMemory<byte> Bytes, int? Failure)
{
    public static async Task<BoundedBody> ReadAsync(HttpContext context, int maxBytes, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return new BoundedBody(default, StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        var reader = context.Request.BodyReader;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken);
                if (read.Buffer.Length > maxBytes)
                {
                    reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                    return new BoundedBody(default, StatusCodes.Status413PayloadTooLarge);
                }

                if (read.IsCompleted || read.IsCanceled)
                {
                    var bytes = read.Buffer.ToArray();
                    reader.AdvanceTo(read.Buffer.End);
                    return new BoundedBody(bytes, null);
                }

                // Keep everything read so far buffered in the pipe until the body is complete.
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException ex)
        {
            return new BoundedBody(default, ex.StatusCode);
        }
    }
}
