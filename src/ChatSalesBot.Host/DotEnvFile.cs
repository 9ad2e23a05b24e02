namespace ChatSalesBot.Host;

/// <summary>
/// A developer's <c>.env</c> (in the working folder or the nearest parent) becomes environment variables, except in
/// the Testing environment: a test gets exactly the settings it sets, whatever <c>.env</c> lies around the checkout.
/// </summary>
public static class DotEnvFile
{
    /// <summary>The host environment the test suite runs in; it reads no <c>.env</c> (and, not being Development, no user secrets).</summary>
    public const string TestingEnvironment = "Testing";

    public static void LoadUnlessTesting(string[] args)
    {
        if (!string.Equals(EnvironmentName(args), TestingEnvironment, StringComparison.OrdinalIgnoreCase))
        {
            DotNetEnv.Env.NoClobber().TraversePath().Load();
        }
    }

    /// <summary>The environment as the host will read it: <c>--environment</c>, else ASPNETCORE_ENVIRONMENT, else DOTNET_ENVIRONMENT.</summary>
    internal static string? EnvironmentName(string[] args)
    {
        const string Switch = "--environment";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith(Switch + "=", StringComparison.OrdinalIgnoreCase))
            {
                return args[i][(Switch.Length + 1)..];
            }

            if (string.Equals(args[i], Switch, StringComparison.OrdinalIgnoreCase) && i + 1 < args.Length)
            {
                return args[i + 1];
            }
        }

        return Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
    }
}
