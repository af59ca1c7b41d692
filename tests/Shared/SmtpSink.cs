using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PrivacyDesk.Tests.Shared;

/// <summary>
/// A real SMTP server in the test process (SmtpServer 11.1.0) on a free loopback port, keeping what it receives parsed
/// with MimeKit. The port is chosen at construction, so a test can point the app at it before <see cref="StartAsync"/>
/// (the server "down" until then). The web tests point the app at it with <c>new PrivacyDeskAppFactory { SmtpPort = sink.Port }</c>;
/// the browser tests' app sends all its e-mail to one (RunningApp.Mail).
/// </summary>
/// <example>
/// <code>
/// await using var sink = await SmtpSink.StartNewAsync();
/// ... // queue an e-mail, run the outbox
/// var received = await sink.WaitForAsync(1);
/// received[0].Subject.ShouldBe("...");
/// </code>
/// </example>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    /// <param name="user">With <paramref name="password"/>: the server requires this sign-in (over the plain connection).</param>
    public SmtpSink(string? user = null, string? password = null)
    {
        User = user;
        Password = password;
        Port = FreePort();
    }

    public int Port { get; }

    public string? User { get; }

    public string? Password { get; }

    /// <summary>Addresses the server refuses at RCPT TO (550), to test a rejected recipient.</summary>
    public ConcurrentDictionary<string, bool> RejectedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every message received so far, in order of arrival.</summary>
    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    public bool IsRunning => _server is not null;

    public static async Task<SmtpSink> StartNewAsync(string? user = null, string? password = null)
    {
        var sink = new SmtpSink(user, password);
        await sink.StartAsync();
        return sink;
    }

    /// <summary>Starts listening on <see cref="Port"/>; returns when a client can connect.</summary>
    public async Task StartAsync()
    {
        if (_server is not null)
        {
            return;
        }
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AuthenticationRequired(User is not null).AllowUnsecureAuthentication(User is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingMailboxFilter((IMailbox to, IMailbox _) => !RejectedRecipients.ContainsKey(to.AsAddress())));
        if (User is not null)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == User && password == Password));
        }
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Stops listening (the server goes "down"); received messages stay readable.</summary>
    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }
        _server.Shutdown();
        try
        {
            await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Cancelled sessions are how the server stops.
        }
        _server = null;
        if (_running is not null)
        {
            await _running.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived (10 s by default) and returns them all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_messages.Count < count)
        {
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"Expected {count} message(s) on the test SMTP server, received {_messages.Count}.");
            }
        }
        return Messages;
    }

    /// <summary>
    /// Waits for the first message, among those arriving from index <paramref name="after"/> on (0: all so far), that matches
    /// <paramref name="match"/>; <paramref name="what"/> names it when none comes within <paramref name="timeout"/> (10 s by default).
    /// </summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, string what, int after = 0, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Messages.Skip(after).FirstOrDefault(match) is { } found)
            {
                return found;
            }
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No e-mail for {what} reached the test SMTP server within {(timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds:0} s ({_messages.Count} received in all).");
            }
            // Wakes on an arrival, or looks again after a second in case another waiter took the signal.
            await _arrived.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _arrived.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            sink._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            sink._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
