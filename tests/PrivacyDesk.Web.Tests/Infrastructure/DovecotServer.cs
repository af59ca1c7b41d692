using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace PrivacyDesk.Web.Tests.Infrastructure;

/// <summary>
/// A real IMAP server for the mailbox tests: Debian's dovecot (package dovecot-imapd) started from a throwaway config in a
/// temporary folder, on a free loopback port, with one passwd-file user and maildir storage there. No system service is
/// touched; the process is ended and the folder deleted on dispose.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string User = "privacy@example.test";
    public const string Password = "mailbox-test-secret";
    private const string Binary = "/usr/sbin/dovecot";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"privacydesk-dovecot-{Guid.NewGuid():N}");
    private Process? _process;

    public int Port { get; private set; }

    public static string Host => "127.0.0.1";

    /// <summary>The settings that point the app at this server (<c>Mail:Imap</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings(string folder = "INBOX") => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Mail:Imap:Host"] = Host,
        ["Mail:Imap:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Imap:Security"] = nameof(SecureSocketOptions.None),
        ["Mail:Imap:User"] = User,
        ["Mail:Imap:Password"] = Password,
        ["Mail:Imap:Folder"] = folder,
    };

    public static async Task<DovecotServer> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException("dovecot is not installed: apt-get install -y dovecot-imapd (scripts/test.sh installs it).");
        }
        var server = new DovecotServer();
        await server.RunAsync();
        return server;
    }

    private async Task RunAsync()
    {
        var mail = Path.Combine(_folder, "mail");
        var run = Path.Combine(_folder, "run");
        Directory.CreateDirectory(mail);
        Directory.CreateDirectory(run);
        Port = FreePort();
        // As root (a CI container) dovecot refuses to run its login and mail processes as root: they run as its own users.
        var isRoot = Environment.UserName == "root";
        var me = Environment.UserName;
        var (uid, gid) = isRoot ? (await IdAsync("-u", "dovecot"), await IdAsync("-g", "dovecot")) : (await IdAsync("-u", me), await IdAsync("-g", me));
        if (isRoot)
        {
            await RunToEndAsync("chown", $"-R dovecot:dovecot {mail}");
        }
        await File.WriteAllTextAsync(Path.Combine(_folder, "passwd"), $"{User}:{{PLAIN}}{Password}::::::\n");
        var config = $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{run}}
            state_dir = {{run}}
            instance_name = privacydesk-test-{{Port}}
            default_login_user = {{(isRoot ? "dovenull" : me)}}
            default_internal_user = {{(isRoot ? "dovecot" : me)}}
            first_valid_uid = 1
            disable_plaintext_auth = no
            ssl = no
            auth_mechanisms = plain login
            log_path = {{Path.Combine(_folder, "dovecot.log")}}
            mail_location = maildir:{{mail}}/%u
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{Path.Combine(_folder, "passwd")}}
            }
            userdb {
              driver = static
              args = uid={{uid}} gid={{gid}} home={{mail}}/%u
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            """;
        var configPath = Path.Combine(_folder, "dovecot.conf");
        await File.WriteAllTextAsync(configPath, config);
        _process = Process.Start(new ProcessStartInfo(Binary, ["-F", "-c", configPath]) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("dovecot did not start");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = await ConnectAsync();
                return;
            }
            catch (Exception exception) when (exception is SocketException or IOException or ImapProtocolException or AuthenticationException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException("dovecot did not accept a login: " + await File.ReadAllTextAsync(Path.Combine(_folder, "dovecot.log")));
    }

    /// <summary>Puts a message in the mailbox (IMAP APPEND) with the arrival time the server records (INTERNALDATE).</summary>
    public async Task AppendAsync(byte[] eml, DateTimeOffset arrivedAt, string folder = "INBOX")
    {
        using var client = await ConnectAsync();
        var target = folder == "INBOX" ? client.Inbox : await client.GetFolderAsync(folder);
        await target.AppendAsync(new AppendRequest(MimeMessage.Load(new MemoryStream(eml))) { InternalDate = arrivedAt });
        await client.DisconnectAsync(true);
    }

    /// <summary>Creates a folder (next to INBOX).</summary>
    public async Task CreateFolderAsync(string name)
    {
        using var client = await ConnectAsync();
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        await root.CreateAsync(name, isMessageFolder: true);
        await client.DisconnectAsync(true);
    }

    /// <summary>Deletes a folder and everything in it: created again, it has a new UIDVALIDITY.</summary>
    public async Task DeleteFolderAsync(string name)
    {
        using var client = await ConnectAsync();
        var folder = await client.GetFolderAsync(name);
        await folder.DeleteAsync();
        await client.DisconnectAsync(true);
    }

    public async Task<uint> UidValidityAsync(string name)
    {
        using var client = await ConnectAsync();
        var folder = name == "INBOX" ? client.Inbox : await client.GetFolderAsync(name);
        await folder.OpenAsync(FolderAccess.ReadOnly);
        return folder.UidValidity;
    }

    public async Task<int> CountAsync(string name = "INBOX")
    {
        using var client = await ConnectAsync();
        var folder = name == "INBOX" ? client.Inbox : await client.GetFolderAsync(name);
        await folder.OpenAsync(FolderAccess.ReadOnly);
        return folder.Count;
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        try
        {
            await client.ConnectAsync(Host, Port, SecureSocketOptions.None);
            await client.AuthenticateAsync(User, Password);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> IdAsync(string flag, string user) => (await RunToEndAsync("id", $"{flag} {user}")).Trim();

    private static async Task<string> RunToEndAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true }) ?? throw new InvalidOperationException(file);
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process on its way out: the temporary folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
            // Files written by dovecot's own user (root runs): left to the system's temporary-file cleanup.
        }
    }
}
