using System.Text;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Exports;

/// <summary>One server per export test class and provider, with the limits that class needs.</summary>
public abstract class ExportsFixture(PostgresServer postgres, DatabaseProvider provider, Dictionary<string, string?> settings) : IAsyncLifetime
{
    public VnTraceApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var all = new Dictionary<string, string?>(AppFixture.TestSettings);
        foreach (var (k, v) in settings)
            all[k] = v;
        App = await VnTraceApp.StartAsync(provider, postgres, all);
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
            await App.DisposeAsync();
    }

    /// <summary>Small enough that a few captured events pass them.</summary>
    public static Dictionary<string, string?> SmallLimits => new()
    {
        ["VnTrace:Exports:MaxRows"] = "5",
        ["VnTrace:Trace:MaxNodes"] = "3",
    };
}

public sealed class SqliteExportsFixture(PostgresServer postgres) : ExportsFixture(postgres, DatabaseProvider.Sqlite, []);

public sealed class PostgresExportsFixture(PostgresServer postgres) : ExportsFixture(postgres, DatabaseProvider.Postgres, []);

public sealed class SqliteSmallExportsFixture(PostgresServer postgres) : ExportsFixture(postgres, DatabaseProvider.Sqlite, SmallLimits);

public sealed class PostgresSmallExportsFixture(PostgresServer postgres) : ExportsFixture(postgres, DatabaseProvider.Postgres, SmallLimits);

/// <summary>Reads RFC 4180 CSV back into rows of fields, to check an export cell by cell.</summary>
public static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                Assert.False(c is '\r' or '\n', $"a bare line break outside quotes at {i}: RFC 4180 ends records with CRLF");
                field.Append(c);
            }
        }
        Assert.True(fields.Count == 0 && field.Length == 0, "the last record must end with CRLF");
        return rows;
    }
}
