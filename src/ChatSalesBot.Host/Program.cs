using ChatSalesBot.Host;

// No command (or only host options, as WebApplicationFactory passes) means `serve`.
return await HostCommands.RunAsync(args);

/// <summary>The entry point, public so that WebApplicationFactory&lt;Program&gt; can host it in tests.</summary>
public partial class Program;
