using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Reads a Slack request body with its size capped while reading, before the signature is checked: a chunked body
/// without Content-Length is refused as soon as it passes the cap instead of being buffered whole (Kestrel's own
/// default would read 30 MB). Slack's payloads are a few KB; 1 MiB leaves room for the largest view submission.
/// </summary>
internal static class SlackRequestBody
{
    public const int MaxBytes = 1 << 20;

    private const int FirstRead = 16 * 1024;

    /// <summary>The body, or the status to answer instead: 413 past <see cref="MaxBytes"/>, 400 for a broken chunked body.</summary>
    public static async Task<(byte[]? Body, int Status)> ReadAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        const int cap = MaxBytes + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(http.Request.ContentLength is { } length ? (int)length + 1 : FirstRead);
        var read = 0;
        try
        {
            while (true)
            {
                var room = Math.Min(buffer.Length, cap) - read;
                if (room == 0)
                {
                    if (read == cap)
                    {
                        return (null, StatusCodes.Status413PayloadTooLarge);
                    }

                    buffer = Grow(buffer, read, Math.Min(buffer.Length * 2, cap));
                    continue;
                }

                var count = await http.Request.Body.ReadAsync(buffer.AsMemory(read, room), http.RequestAborted).ConfigureAwait(false);
                if (count == 0)
                {
                    return (buffer.AsSpan(0, read).ToArray(), StatusCodes.Status200OK);
                }

                read += count;
            }
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int used, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
