namespace SecondaryPortal.Portal.Cli;

/// <summary>The help text of the command line.</summary>
public static class CliUsage
{
    /// <summary>Everything the binary does, with the configuration keys scripts use.</summary>
    public const string Text =
        """
        SecondaryPortal: secondary and authoritative DNS with a web portal.

        Usage:
          SecondaryPortal.Portal [--Key=Value ...]              run the server (web portal and DNS)
          SecondaryPortal.Portal zone import <origin> <file>    load or replace an authoritative zone from a master file
          SecondaryPortal.Portal zone export <origin> [file]    write a stored zone as a master file (stdout without file)
          SecondaryPortal.Portal zone list                      list the stored zones (kind, status, serial)
          SecondaryPortal.Portal zone add <origin> [<origin> ...] --secondary --primary ADDR[:PORT] [--primary ...]
                                 [--tsig NAME --tsig-algorithm ALG --tsig-secret BASE64]
                                                                add a secondary zone transferred from its primaries
                                                                (tried in order; the key signs SOA queries, transfers
                                                                and NOTIFY; --tsig NAME alone reuses a stored key)
          SecondaryPortal.Portal zone status <origin>           state, serials, primaries, last transfers and error, next refresh
          SecondaryPortal.Portal zone refresh <origin>          check a secondary zone's primaries now
          SecondaryPortal.Portal zone remove <origin>           stop serving a zone and delete it
          SecondaryPortal.Portal zone allow-transfer|deny-transfer <origin> ADDR|CIDR|key:NAME
                                                                who may transfer an authoritative zone from us
          SecondaryPortal.Portal zone notify-add <origin> ADDR[:PORT] [--key NAME]
          SecondaryPortal.Portal zone notify-remove <origin> ADDR[:PORT]
                                                                which secondaries are notified of its changes
          SecondaryPortal.Portal zone transfers <origin>        show both
          SecondaryPortal.Portal user create --email E --password P [--admin]
                                                                create a portal account (an admin sees all accounts)
          SecondaryPortal.Portal token create --email E [--name N]
                                                                print a new API token of that account (shown once)
          SecondaryPortal.Portal --help                         show this text

        From the repository: dotnet run --project src/Portal -- zone import example.com. example.com.zone

        Every verb reads the server's configuration (appsettings.json, environment variables, overrides), so a
        running server serves an imported zone, and acts on a zone added, refreshed or removed, within a second.
        Overrides may follow the verb:
          --Storage:DataDirectory=DIR     the data folder (default ./data)
          --Storage:Provider=Sqlite       the database (Sqlite)
          --ConnectionStrings:Default=CS  a connection string that wins over the data folder
          --Dns:Listen:0=127.0.0.1:5300   a DNS endpoint (address:port; IPv6 as [::1]:5300)
          --Dns:Region=NAME               the region this node reports in query counts
          --urls=http://127.0.0.1:5080    the web portal's address

        Exit code: 0 on success, 1 on any error (the message says what and, for a zone file, where: file:line:column).
        """;
}
