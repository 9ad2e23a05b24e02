using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Slack.Tests.Support;

/// <summary>A local Socket Mode server on 127.0.0.1 (Kestrel + WebSockets): says hello, sends envelopes, reads acks.</summary>
public sealed class SocketModeStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<Peer> peers = Channel.CreateUnbounded<Peer>();
    private readonly List<Peer> all = [];

    private SocketModeStandIn(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    public int Connections { get; private set; }

    public static async Task<SocketModeStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0").UseShutdownTimeout(TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var standIn = new SocketModeStandIn(app);
        app.UseWebSockets();
        app.Map("/link", async (HttpContext http) =>
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var peer = new Peer(socket, ++standIn.Connections, () => standIn.Connections);
            await peer.SendAsync(new { type = "hello", num_connections = standIn.Connections, debug_info = new { host = "applink-test", approximate_connection_time = 18060 }, connection_info = new { app_id = "A0PNCHHK2" } });
            lock (standIn.all)
            {
                standIn.all.Add(peer);
            }

            standIn.peers.Writer.TryWrite(peer);
            await peer.ReadUntilClosedAsync();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Url = address.Replace("http://", "ws://", StringComparison.Ordinal) + "/link";
        return standIn;
    }

    public Task<Peer> NextConnectionAsync() => peers.Reader.ReadAsync().AsTask().WaitAsync(TestClock.Patience);

    public async ValueTask DisposeAsync()
    {
        lock (all)
        {
            all.ForEach(p => p.Abort());
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>One client connection as the server sees it.</summary>
    public sealed class Peer(WebSocket socket, int number, Func<int> connections)
    {
        private readonly Channel<JsonElement> received = Channel.CreateUnbounded<JsonElement>();
        private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Number => number;

        public Task Closed => closed.Task;

        /// <summary>How many connections the client had opened when this one closed (set once <see cref="Closed"/>).</summary>
        public int ConnectionsWhenClosed { get; private set; }

        public Task SendAsync(object frame) =>
            socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);

        public Task<JsonElement> ReceiveAsync() => received.Reader.ReadAsync().AsTask().WaitAsync(TestClock.Patience);

        public async Task ReadUntilClosedAsync()
        {
            var buffer = new byte[64 * 1024];
            var message = new StringBuilder();
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                        break;
                    }

                    message.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    if (result.EndOfMessage)
                    {
                        received.Writer.TryWrite(JsonDocument.Parse(message.ToString()).RootElement.Clone());
                        message.Clear();
                    }
                }
            }
            catch (WebSocketException)
            {
            }
            finally
            {
                ConnectionsWhenClosed = connections();
                closed.TrySetResult();
            }
        }

        /// <summary>Drops the connection without a disconnect frame, as a network failure would.</summary>
        public void Abort() => socket.Abort();
    }
}
