using System.Globalization;

namespace ChatSalesBot.Bench;

/// <summary>Command line: which scenarios, which database, how many iterations.</summary>
public sealed record BenchOptions(string Scenario, string DatabasePath, int LookUps, int Touches, int Writers, string HostDll, string? MarkdownPath)
{
    private static readonly string[] Scenarios = ["all", "lookup", "followups", "touch", "digest", "teamquery", "serve"];

    /// <summary>Team questions asked per measured figure (issue #13).</summary>
    public int Questions { get; init; } = 500;

    public bool Runs(string scenario) => Scenario == "all" || Scenario == scenario;

    public bool InProcess => Scenario != "serve";

    public static BenchOptions? Parse(string[] args)
    {
        if (args.Length == 0 || !Scenarios.Contains(args[0]))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        int Int(string key, int fallback) =>
            values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        return new BenchOptions(
            args[0],
            values.GetValueOrDefault("--db") ?? "/tmp/bench/scale.db",
            Int("--lookups", 2_000),
            Int("--touches", 1_000),
            Int("--writers", 50),
            values.GetValueOrDefault("--host-dll") ?? DefaultHostDll(),
            values.GetValueOrDefault("--markdown"))
        {
            Questions = Int("--questions", 500),
        };
    }

    /// <summary>The Host built next to this benchmark (same configuration), found from the repository root.</summary>
    private static string DefaultHostDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChatSalesBot.sln")))
        {
            dir = dir.Parent;
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        return dir is null
            ? "ChatSalesBot.Host.dll"
            : Path.Combine(dir.FullName, "src", "ChatSalesBot.Host", "bin", configuration, "net10.0", "ChatSalesBot.Host.dll");
    }
}
