using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;

namespace ChatSalesBot.Channels.Teams.Tests.Manifest;

/// <summary>
/// manifests/teams/package.sh builds a zip whose manifest validates against the bundled Teams manifest schema,
/// with the app id filled in and icons of the required sizes. See docs/teams.md, "The Teams app package".
/// </summary>
public sealed partial class TeamsManifestTests
{
    private const string AppId = "6f1e0c2a-1b2c-4d3e-8f90-0a1b2c3d4e5f";

    [Fact]
    public async Task TeamsManifest_PackagedZip_ValidatesAgainstSchemaWithAppIdAndIcons()
    {
        var (zipPath, manifestPath) = await PackageAsync();
        using var zip = ZipFile.OpenRead(zipPath);

        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order().ToArray());
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!;
        Assert.DoesNotMatch(Placeholder(), manifest.ToJsonString());
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal(AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => (string)s!).ToArray());

        var (width, height, hasAlpha, opaqueNonWhite) = Png(zip.GetEntry("color.png")!);
        Assert.Equal((192, 192), (width, height));
        var outline = Png(zip.GetEntry("outline.png")!);
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.True(outline.HasTransparentPixels, "outline.png needs a transparent background");
        Assert.False(outline.HasOpaqueNonWhite, "outline.png must be white on transparent");

        var tool = NodeTool.RepositoryPath("tools", "teams-manifest-check");
        await NodeTool.EnsureInstalledAsync(tool);
        var (exitCode, output) = await NodeTool.RunAsync("node", $"validate.js \"{manifestPath}\"", tool);
        Assert.True(exitCode == 0, output);
        Assert.Contains("valid against Teams manifest schema v1.22", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsManifest_Template_MeetsRequiredFieldsAndLengths()
    {
        var (_, manifestPath) = await PackageAsync();
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!;

        Assert.Matches(@"^\d+\.\d+\.\d+$", (string?)manifest["version"]);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string?)manifest["accentColor"]);
        Assert.InRange(((string?)manifest["developer"]!["name"])!.Length, 1, 32);
        Assert.All(new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" }, k => Assert.StartsWith("https://", (string?)manifest["developer"]![k], StringComparison.Ordinal));
        Assert.InRange(((string?)manifest["name"]!["short"])!.Length, 1, 30);
        Assert.InRange(((string?)manifest["name"]!["full"])!.Length, 1, 100);
        Assert.InRange(((string?)manifest["description"]!["short"])!.Length, 1, 80);
        Assert.InRange(((string?)manifest["description"]!["full"])!.Length, 1, 4000);
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        Assert.InRange(lists.Count, 1, 3);
        foreach (var list in lists)
        {
            var commands = list!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 10);
            Assert.All(commands, c => Assert.InRange(((string?)c!["title"])!.Length, 1, 32));
            Assert.All(commands, c => Assert.InRange(((string?)c!["description"])!.Length, 1, 128));
        }

        Assert.Contains(lists.SelectMany(l => l!["commands"]!.AsArray()), c => (string?)c!["title"] == "customer");
    }

    [Fact]
    public async Task TeamsManifest_SchemaCheck_RejectsAnInvalidManifest()
    {
        var (_, manifestPath) = await PackageAsync();
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!;
        manifest["name"]!["short"] = new string('x', 31);
        manifest["accentColor"] = "blue";
        var broken = Path.Combine(Path.GetDirectoryName(manifestPath)!, "broken-manifest.json");
        await File.WriteAllTextAsync(broken, manifest.ToJsonString());

        var tool = NodeTool.RepositoryPath("tools", "teams-manifest-check");
        await NodeTool.EnsureInstalledAsync(tool);
        var (exitCode, output) = await NodeTool.RunAsync("node", $"validate.js \"{broken}\"", tool);

        Assert.Equal(1, exitCode);
        Assert.Contains("/name/short", output, StringComparison.Ordinal);
        Assert.Contains("/accentColor", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsManifest_PackageWithoutGuid_Refuses()
    {
        var (exitCode, output) = await NodeTool.RunAsync("bash", "manifests/teams/package.sh not-a-guid /tmp/never.zip", NodeTool.RepositoryPath());

        Assert.Equal(2, exitCode);
        Assert.Contains("GUID", output, StringComparison.Ordinal);
    }

    private static async Task<(string Zip, string Manifest)> PackageAsync()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "teams-package", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var zipPath = Path.Combine(dir, "chatsalesbot-teams.zip");
        var (exitCode, output) = await NodeTool.RunAsync("bash", $"manifests/teams/package.sh {AppId} \"{zipPath}\"", NodeTool.RepositoryPath());
        Assert.True(exitCode == 0, output);
        var manifestPath = Path.Combine(dir, "manifest.json");
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            zip.GetEntry("manifest.json")!.ExtractToFile(manifestPath);
        }

        return (zipPath, manifestPath);
    }

    /// <summary>Size and alpha facts of a non-interlaced 8-bit RGBA PNG (the kind make-icons.js writes).</summary>
    private static (int Width, int Height, bool HasTransparentPixels, bool HasOpaqueNonWhite) Png(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        Assert.Equal(6, bytes[25]);
        var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            if (System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4) == "IDAT")
            {
                idat.Write(bytes, at + 8, length);
            }

            at += length + 12;
        }

        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var pixels = raw.ToArray();
        bool transparent = false, opaqueNonWhite = false;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = (y * ((width * 4) + 1)) + 1 + (x * 4);
                transparent |= pixels[p + 3] == 0;
                opaqueNonWhite |= pixels[p + 3] != 0 && (pixels[p] != 255 || pixels[p + 1] != 255 || pixels[p + 2] != 255);
            }
        }

        return (width, height, transparent, opaqueNonWhite);
    }

    [GeneratedRegex(@"\$\{\{")]
    private static partial Regex Placeholder();
}
